"""Cursors are input: every paged list of the three services answers a page or a 400 `invalid-cursor`
problem, never a 5xx, whatever string arrives as `cursor`. The lists are found from each app's OpenAPI
(every GET with a `cursor` query parameter), so a new list is covered without touching this file; its
path parameters come from the seeded resources below (an unknown one fails here, on purpose).

And query dates are ISO 8601 text: every date or date-time query parameter refuses numbers (Unix time)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from release_svc.main import SPEC as RELEASE_SPEC
from release_svc.main import create_app as create_release
from release_svc.releases.models import Release
from release_svc.settings import Settings as ReleaseSettings
from requirements_svc.main import SPEC as REQUIREMENTS_SPEC
from requirements_svc.main import create_app as create_requirements
from requirements_svc.settings import Settings as RequirementsSettings
from risk_svc.main import SPEC as RISK_SPEC
from risk_svc.main import create_app as create_risk
from risk_svc.settings import Settings as RiskSettings
from tpmhub_shared.db import Database
from tpmhub_shared.pagination import cursor_key
from tpmhub_shared.testing.plugin import LifespanClient, learn_projects, migrated_database

PROBLEM = "application/problem+json"


@dataclass
class Service:
    name: str
    client: httpx.AsyncClient
    app: Any
    settings: Any
    params: dict[tuple[str, str], str] = field(default_factory=dict)  # (collection, param) → value
    lists: list[dict[str, Any]] = field(default_factory=list)  # {path, sorts}

    @property
    def key(self) -> bytes:
        return cursor_key(self.settings.common.jwt_secret.get_secret_value(), self.name)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _json(value: Any) -> bytes:
    """JSON of anything, integers past 64 bits included."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def _sorts(op: dict[str, Any]) -> list[str]:
    """The sort names a list documents (`key, name, created, updated; ...` in the parameter description)."""
    for p in op.get("parameters", []):
        if p["name"] == "sort":
            text = p.get("description") or p["schema"].get("description", "")
            head = re.split(r"[;(]", text)[0]
            return [w for w in re.findall(r"[a-z_]+", head) if w not in ("or", "default", "descending")]
    return []


def _concrete(path: str, params: dict[tuple[str, str], str]) -> str:
    parts = path.strip("/").split("/")
    out = []
    for i, part in enumerate(parts):
        if part.startswith("{"):
            name = part.strip("{}")
            assert (parts[i - 1], name) in params, f"no seeded value for {path} {part}: seed one in this test"
            out.append(params[(parts[i - 1], name)])
        else:
            out.append(part)
    return "/" + "/".join(out)


def _lists(app: Any, params: dict[tuple[str, str], str]) -> list[dict[str, Any]]:
    found = []
    for path, item in app.openapi()["paths"].items():
        op = item.get("get")
        if op and any(p["name"] == "cursor" and p["in"] == "query" for p in op.get("parameters", [])):
            assert "400" in op["responses"], (path, "an invalid cursor's 400 is not documented")
            found.append({"path": _concrete(path, params), "template": path, "sorts": _sorts(op)})
    return found


async def _post(client: httpx.AsyncClient, path: str, body: dict[str, Any], headers: dict[str, str]) -> Any:
    r = await client.post(path, json=body, headers=headers)
    assert r.status_code in (200, 201), (path, r.status_code, r.text)
    return r.json()


async def _seed_requirements(client: httpx.AsyncClient, h: dict[str, str]) -> dict[tuple[str, str], str]:
    for key in ("PAY", "OPS", "WEB"):
        await _post(client, "/v1/projects", {"key": key, "name": f"Project {key}"}, h)
    ms = await _post(client, "/v1/projects/PAY/milestones", {"name": "Beta", "target_date": "2026-12-15"}, h)
    await _post(client, "/v1/projects/PAY/milestones", {"name": "GA", "target_date": "2027-01-15"}, h)
    rows = [{"type": "story", "title": f"Story {i}", "points": i, "criteria": ["a", "b"]} for i in (1, 2, 3)]
    await _post(client, "/v1/projects/PAY/items/batch", {"items": rows}, h)
    await client.patch("/v1/items/PAY-1", json={"title": "Story one"}, headers=h)
    criteria = (await client.get("/v1/items/PAY-1/criteria", headers=h)).json()
    prd = await _post(client, "/v1/projects/PAY/prds", {"title": "PRD", "sections": {"goals": "G"}}, h)
    await _post(client, "/v1/projects/PAY/prds", {"title": "PRD two", "sections": {"goals": "G"}}, h)
    design = await _post(client, "/v1/projects/PAY/designs", {"title": "D", "sections": {"proposal": "P"}}, h)
    await _post(client, "/v1/projects/PAY/designs", {"title": "D2", "sections": {"proposal": "P"}}, h)
    it = await _post(
        client,
        "/v1/projects/PAY/iterations",
        {
            "name": "Sprint 1",
            "goal": "g",
            "start_date": "2026-11-02",
            "end_date": "2026-11-15",
            "capacity_points": 10,
        },
        h,
    )
    await _post(
        client,
        "/v1/projects/PAY/iterations",
        {
            "name": "Sprint 2",
            "goal": "g",
            "start_date": "2026-11-16",
            "end_date": "2026-11-29",
            "capacity_points": 10,
        },
        h,
    )
    cr = await _post(
        client,
        "/v1/projects/PAY/change-requests",
        {"title": "Wallets", "reason": "r", "proposed_change": "c", "affected_items": ["PAY-2"]},
        h,
    )
    await _post(
        client,
        "/v1/projects/PAY/change-requests",
        {"title": "Wallets 2", "reason": "r", "proposed_change": "c", "affected_items": ["PAY-3"]},
        h,
    )
    return {
        ("projects", "key"): "PAY",
        ("items", "key"): "PAY-1",
        ("criteria", "criterion_id"): criteria[0]["id"],
        ("prds", "doc_id"): prd["id"],
        ("designs", "doc_id"): design["id"],
        ("iterations", "iteration_id"): it["id"],
        ("milestones", "milestone_id"): ms["id"],
        ("change-requests", "key"): cr["key"],
    }


async def _seed_risk(client: httpx.AsyncClient, h: dict[str, str]) -> dict[tuple[str, str], str]:
    body = {
        "title": "Processor caps us",
        "category": "dependency",
        "owner": "bob",
        "probability": 4,
        "impact": 4,
        "response_strategy": "mitigate",
    }
    risk = await _post(client, "/v1/projects/PAY/risks", body, h)
    await _post(client, "/v1/projects/PAY/risks", {**body, "title": "Second", "probability": 2}, h)
    action = await _post(
        client,
        f"/v1/risks/{risk['key']}/actions",
        {"title": "Raise cap", "owner": "bob", "due_date": "2020-01-01"},
        h,
    )
    await _post(
        client,
        f"/v1/risks/{risk['key']}/actions",
        {"title": "Fallback", "owner": "bob", "due_date": "2020-01-02"},
        h,
    )
    return {
        ("projects", "key"): "PAY",
        ("risks", "key"): risk["key"],
        ("risk-actions", "action_id"): action["id"],
    }


async def _seed_release(client: httpx.AsyncClient, h: dict[str, str], url: str) -> dict[tuple[str, str], str]:
    first = await _post(
        client, "/v1/projects/PAY/releases", {"version": "1.0.0", "target_date": "2026-12-01"}, h
    )
    await _post(client, "/v1/projects/PAY/releases", {"version": "1.1.0"}, h)
    db = Database(url)
    try:
        async with db.session() as session, session.begin():
            (await session.get(Release, uuid.UUID(first["id"]))).status = "approved"
    finally:
        await db.dispose()
    stages = [
        {"percent": p, "min_hold_seconds": 0, "operator": "bob", "guardrails": [], "auto_advance": False}
        for p in (10, 100)
    ]
    rollout = await _post(client, f"/v1/releases/{first['id']}/rollouts", {"stages": stages}, h)
    # Setup only: past the gate (its siblings are not wired here), recorded as an override.
    await _post(
        client, f"/v1/rollouts/{rollout['id']}/start", {"override_gate": {"reason": "cursor test setup"}}, h
    )
    deployment = await _post(
        client,
        "/v1/projects/PAY/deployments",
        {
            "environment": "production",
            "release_id": first["id"],
            "commit_sha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
        },
        h,
    )
    window = await _post(
        client,
        "/v1/projects/PAY/freeze-windows",
        {"name": "Year end", "starts_at": "2030-12-20T00:00:00Z", "ends_at": "2031-01-03T00:00:00Z"},
        h,
    )
    verification = await _post(
        client,
        f"/v1/releases/{first['id']}/verifications",
        {"scenario": "Pay 0.01 and refund it", "result": "passed"},
        h,
    )
    [item, *_] = (await client.get(f"/v1/releases/{first['id']}/checklist", headers=h)).json()
    return {
        ("projects", "key"): "PAY",
        ("releases", "release_id"): first["id"],
        ("rollouts", "rollout_id"): rollout["id"],
        ("deployments", "deployment_id"): deployment["id"],
        ("freeze-windows", "window_id"): window["id"],
        ("checklist", "item_id"): item["id"],
        ("verifications", "verification_id"): verification["id"],
    }


@pytest.fixture(scope="session")
async def services(backend, request, common_settings, make_token) -> Any:
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    h = {"Authorization": f"Bearer {make_token('admin')}"}
    built: dict[str, Service] = {}
    contexts = []
    try:
        for spec, settings_cls, factory in (
            (REQUIREMENTS_SPEC, RequirementsSettings, create_requirements),
            (RISK_SPEC, RiskSettings, create_risk),
            (RELEASE_SPEC, ReleaseSettings, create_release),
        ):
            cfg = await migrated_database(spec, settings_cls, backend, pg, common_settings)
            ctx = LifespanClient(factory(cfg))
            client = await ctx.__aenter__()
            contexts.append(ctx)
            built[spec.name] = Service(spec.name, client, ctx.app, cfg)
        # risk-svc and release-svc learn the projects as requirements-svc tells them (project.created).
        service_headers = {"Authorization": f"Bearer {make_token(service='requirements-svc')}"}
        for name in ("risk-svc", "release-svc"):
            await learn_projects(built[name].client, service_headers, "PAY", "OPS", "WEB")
        seeds = {
            "requirements-svc": await _seed_requirements(built["requirements-svc"].client, h),
            "risk-svc": await _seed_risk(built["risk-svc"].client, h),
            "release-svc": await _seed_release(
                built["release-svc"].client, h, built["release-svc"].settings.database_url
            ),
        }
        for name, svc in built.items():
            sub = await _post(
                svc.client, "/v1/subscriptions", {"url": "http://127.0.0.1:9/hook", "event_types": ["*"]}, h
            )
            await _post(
                svc.client, "/v1/subscriptions", {"url": "http://127.0.0.1:9/hook2", "event_types": ["*"]}, h
            )
            svc.params = {**seeds[name], ("subscriptions", "subscription_id"): sub["id"]}
            svc.lists = _lists(svc.app, svc.params)
        yield built
    finally:
        for ctx in reversed(contexts):
            await ctx.__aexit__(None, None, None)


@pytest.fixture(scope="session")
def admin(make_token: Callable[..., str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {make_token('admin')}"}


def _assert_invalid_cursor(r: httpx.Response, what: str) -> None:
    assert r.status_code == 400, (what, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith(PROBLEM), what
    body = r.json()
    assert body["status"] == 400 and body["type"].endswith("/invalid-cursor"), (what, body)
    assert [e["loc"] for e in body["errors"]] == ["query.cursor"], (what, body)


# The issue's examples, in the old unsigned shape: values of the wrong type for the sort.
ISSUE_VALUES: list[Any] = [[True, True], [7, 7], ["zz", "zz"]]
OTHER_VALUES: list[Any] = [
    [None, None],
    [1.5, "x"],
    [{"d": "zz"}, 1],
    [{"u": "not-a-uuid"}, 1],
    [{"day": 3}],
    [],
    [[1], {"x": 1}],
    [2**70, -(2**70)],
    ["\u0000", "\u0000"],
    [{"d": "0001-01-01T00:00:00+01:00"}] * 2,
]
OTHER_STRINGS = ["garbage!", "e30", "bnVsbA", "W10", "...", ".", "a.b.c", "\u00e9\u00e9", "%00", " ", "=="]


def _forged(sort: str, *, all_kinds: bool) -> list[str]:
    values = ISSUE_VALUES + (OTHER_VALUES if all_kinds else [])
    forged = [_b64(_json({"s": sort, "v": v})) for v in values]
    forged += [_b64(_json({"s": sort, "t": "projects", "v": v})) + "." + "A" * 22 for v in values[:2]]
    return forged + (OTHER_STRINGS if all_kinds else [])


async def test_every_list_refuses_forged_cursors_with_a_400_problem(services, admin):
    """The issue's cursors (`{"s":"key","v":[true,true]}` and friends), values of every wrong type for
    every sort, random strings: 400 `invalid-cursor` on every list of every service."""
    checked = 0
    for svc in services.values():
        assert svc.lists, svc.name
        for lst in svc.lists:
            for sort in [None, *lst["sorts"], *(f"-{s}" for s in lst["sorts"])]:
                for cursor in _forged(sort.lstrip("-") if sort else "default", all_kinds=sort is None):
                    params = {"limit": 1, "cursor": cursor, **({"sort": sort} if sort else {})}
                    r = await svc.client.get(lst["path"], params=params, headers=admin)
                    _assert_invalid_cursor(r, f"{svc.name} {lst['path']} sort={sort} cursor={cursor!r}")
                    checked += 1
    assert checked > 1000, checked


def _payload(cursor: str) -> dict[str, Any]:
    return orjson.loads(base64.urlsafe_b64decode(cursor.split(".")[0] + "=="))


def _sign(key: bytes, payload: dict[str, Any]) -> str:
    body = _b64(_json(payload))
    return body + "." + _b64(hmac.new(key, body.encode(), hashlib.sha256).digest()[:16])


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "dict:" + ",".join(sorted(value))
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


Issued = list[tuple[Service, dict[str, Any], str | None, str]]


async def _genuine(services: dict[str, Service], h: dict[str, str]) -> Issued:
    """(service, list, sort, next_cursor of the first page) for every list and sort that has a second page."""
    found = []
    for svc in services.values():
        for lst in svc.lists:
            for sort in [None, *lst["sorts"], *(f"-{s}" for s in lst["sorts"])]:
                params: dict[str, Any] = {"limit": 1, **({"sort": sort} if sort else {})}
                r = await svc.client.get(lst["path"], params=params, headers=h)
                assert r.status_code == 200, (svc.name, lst["path"], sort, r.status_code, r.text[:300])
                if r.json()["next_cursor"]:
                    found.append((svc, lst, sort, r.json()["next_cursor"]))
    return found


async def _get(svc: Service, path: str, sort: str | None, cursor: str, h: dict[str, str]) -> httpx.Response:
    params = {"limit": 1, "cursor": cursor, **({"sort": sort} if sort else {})}
    return await svc.client.get(path, params=params, headers=h)


WRONG_VALUES: list[Any] = [
    True,
    7,
    1.5,
    "zz",
    None,
    [1],
    {"x": 1},
    {"d": "2026-01-01T00:00:00+00:00"},
    {"day": "2026-01-01"},
    {"u": "018f0000-0000-7000-8000-000000000000"},
    2**63,
    -(2**40),
    "\u0000",
    {"d": "2026-01-01T00:00:00"},
    {"d": "0001-01-01T00:00:00+01:00"},
]


async def test_signed_cursors_with_values_that_do_not_fit_the_sort_are_refused(services, admin):
    """Defence in depth: even a correctly signed cursor is refused when a value does not fit its sort
    column, or the number of values does not fit the sort, before any SQL runs."""
    checked = 0
    for svc, lst, sort, cursor in await _genuine(services, admin):
        payload = _payload(cursor)
        genuine = payload["v"]
        for values in ([*genuine, 1], genuine[:-1]):
            r = await _get(svc, lst["path"], sort, _sign(svc.key, {**payload, "v": values}), admin)
            _assert_invalid_cursor(r, f"{svc.name} {lst['path']} sort={sort} {len(values)} values")
        for i, real in enumerate(genuine):
            for wrong in WRONG_VALUES:
                if wrong == real:
                    continue
                values = [*genuine[:i], wrong, *genuine[i + 1 :]]
                r = await _get(svc, lst["path"], sort, _sign(svc.key, {**payload, "v": values}), admin)
                what = f"{svc.name} {lst['path']} sort={sort} value {i}: {real!r} → {wrong!r}"
                assert r.status_code in (200, 400), (what, r.status_code, r.text[:300])
                # past 64 bits, or a fraction, for an integer column
                out_of_range = type(real) is int and (wrong == 2**63 or type(wrong) is float)
                if real is None:  # a nullable column: its type is not known from here
                    continue
                if (_kind(wrong) != _kind(real) and wrong is not None) or wrong == "\u0000" or out_of_range:
                    _assert_invalid_cursor(r, what)
                checked += 1
    assert checked > 100, checked


async def test_genuine_cursors_page_and_tampered_or_foreign_ones_are_refused(services, admin):
    """A real next_cursor pages on; the same cursor with one character changed, used with another sort, on
    a list of another table or at another service is a 400."""
    rng = random.Random(17)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."
    issued = await _genuine(services, admin)
    assert len(issued) >= 30, [(s.name, lst["path"], sort) for s, lst, sort, _ in issued]
    for svc, lst, sort, cursor in issued:
        first = (
            await svc.client.get(
                lst["path"], params={"limit": 1, **({"sort": sort} if sort else {})}, headers=admin
            )
        ).json()["items"]
        r = await _get(svc, lst["path"], sort, cursor, admin)
        assert r.status_code == 200, (svc.name, lst["path"], sort, r.text[:300])
        assert r.json()["items"] and r.json()["items"] != first, (svc.name, lst["path"], sort)
        for _ in range(6):  # one character changed, anywhere (signature, payload or the dot)
            i = rng.randrange(len(cursor))
            flipped = cursor[:i] + rng.choice(alphabet.replace(cursor[i], "")) + cursor[i + 1 :]
            _assert_invalid_cursor(
                await _get(svc, lst["path"], sort, flipped, admin),
                f"{svc.name} {lst['path']} sort={sort} flipped at {i}",
            )
    # Every cursor used on every other (list, sort) of its service: refused unless it names the same
    # table and sort (lists of one table, e.g. every history, share a cursor harmlessly); at another
    # service always refused.
    for svc, lst, sort, cursor in issued:
        mine = _payload(cursor)
        for other_svc, other, other_sort, other_cursor in rng.sample(issued, min(len(issued), 12)):
            if other_svc is svc and (other is lst and other_sort == sort):
                continue
            theirs = _payload(other_cursor)
            if other_svc is svc and (mine["t"], mine["s"]) == (theirs["t"], theirs["s"]):
                continue
            what = f"{svc.name} {lst['path']} {sort} → {other_svc.name} {other['path']} {other_sort}"
            _assert_invalid_cursor(await _get(other_svc, other["path"], other_sort, cursor, admin), what)


@settings(
    max_examples=150, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
)
@given(data=st.data())
async def test_arbitrary_strings_as_cursor_are_a_page_or_a_400(services, admin, data):
    """Any string at all (text, base64 of any bytes, JSON of anything, signed or not): never a 5xx."""
    name = data.draw(st.sampled_from(sorted(services)), label="service")
    svc = services[name]
    lst = data.draw(st.sampled_from(svc.lists), label="list")
    json_values = st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(),
        lambda kids: (
            st.lists(kids, max_size=4)
            | st.dictionaries(st.sampled_from(["d", "day", "u", "x"]), kids, max_size=2)
        ),
        max_leaves=8,
    )
    cursor = data.draw(
        st.one_of(
            st.text(max_size=300),
            st.binary(max_size=300).map(_b64),
            json_values.map(lambda v: _b64(_json({"s": "default", "v": v}))),
            st.lists(json_values, min_size=1, max_size=3).map(
                lambda v: _sign(svc.key, {"s": "history", "t": "history", "v": v})
            ),
        ),
        label="cursor",
    )
    r = await svc.client.get(lst["path"], params={"limit": 1, "cursor": cursor}, headers=admin)
    assert r.status_code in (200, 400, 422), (name, lst["path"], cursor, r.status_code, r.text[:300])
    if r.status_code != 200:
        assert r.headers["content-type"].startswith(PROBLEM)


# ---- query dates are ISO 8601 text -----------------------------------------------------------------------

NOT_ISO = ["0.5", "0", "1700000000", "86400", "-1", "20261101", "1e9", "2026-11-01junk", "Nov 1 2026"]
GOOD = {"date": "2026-11-01", "date-time": "2026-11-01T09:30:00Z"}
WRONG_SHAPE = {"date": ["2026-11-01T00:00:00Z"], "date-time": ["2026-11-01T09:30:00", "2026-11-01"]}


def _format(param: dict[str, Any]) -> str | None:
    schema = param["schema"]
    for s in [schema, *schema.get("anyOf", [])]:
        if s.get("format") in ("date", "date-time"):
            return s["format"]
    return None


async def test_dora_refuses_a_number_as_a_date_time(services, admin):
    client = services["release-svc"].client
    for to in ("0.5", "0", "1700000000"):
        r = await client.get("/v1/projects/PAY/dora", params={"to": to}, headers=admin)
        assert r.status_code == 422 and r.headers["content-type"].startswith(PROBLEM), (to, r.text)
        assert [e["loc"] for e in r.json()["errors"]] == ["query.to"], r.json()
    r = await client.get("/v1/projects/PAY/dora", params={"to": "2026-11-30T00:00:00Z"}, headers=admin)
    assert r.status_code == 200, r.text


async def test_every_date_query_parameter_takes_iso_8601_only(services, admin):
    """Every date or date-time query parameter of every service: numbers (Unix time) and other shapes are
    a 422 naming the parameter; the ISO 8601 form is accepted."""
    checked: list[str] = []
    for svc in services.values():
        for path, item in svc.app.openapi()["paths"].items():
            for method, op in item.items():
                params = [p for p in op.get("parameters", []) if p["in"] == "query"]
                dated = [(p, _format(p)) for p in params if _format(p)]
                if not dated:
                    continue
                url = _concrete(path, svc.params)
                base = {p["name"]: GOOD[f] for p, f in dated if p.get("required")}
                for p, fmt in dated:
                    for bad in [*NOT_ISO, *WRONG_SHAPE[fmt]]:
                        r = await svc.client.request(
                            method.upper(), url, params={**base, p["name"]: bad}, headers=admin
                        )
                        what = f"{svc.name} {method} {path} {p['name']}={bad!r}"
                        assert r.status_code == 422, (what, r.status_code, r.text[:300])
                        assert r.headers["content-type"].startswith(PROBLEM), what
                        locs = [e["loc"] for e in r.json()["errors"]]
                        assert f"query.{p['name']}" in locs, (what, r.json())
                    r = await svc.client.request(
                        method.upper(), url, params={**base, p["name"]: GOOD[fmt]}, headers=admin
                    )
                    assert r.status_code < 500, (svc.name, path, p["name"], r.text[:300])
                    if r.status_code == 422:
                        locs = [e["loc"] for e in r.json().get("errors", [])]
                        assert f"query.{p['name']}" not in locs, r.text
                    checked.append(f"{svc.name} {path} {p['name']}")
    assert len(checked) >= 13, checked
