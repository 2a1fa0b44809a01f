"""The release gate in-process, with the real requirements-svc and risk-svc mounted in-process (their own
databases): every check, fail-closed sibling failures, and the recorded decisions. Scope validation of
release writes against the real requirements-svc lives here too."""

import asyncio
import time
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import httpx
import pytest
from requirements_svc.main import SPEC as REQ_SPEC
from requirements_svc.main import create_app as create_requirements_app
from requirements_svc.settings import Settings as RequirementsSettings
from risk_svc.main import SPEC as RISK_SPEC
from risk_svc.main import create_app as create_risk_app
from risk_svc.settings import Settings as RiskSettings
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.testing.plugin import LifespanClient, learn_projects, migrated_database, truncate_all


def _client(name: str, common, *, app=None, url: str | None = None) -> SiblingClient:
    transport = httpx.ASGITransport(app=app) if app is not None else None
    return SiblingClient(
        name=f"{name}-svc",
        base_url=url or f"http://{name}",
        settings=common,
        caller="release-svc",
        transport=transport,
    )


@pytest.fixture(scope="session")
async def sibling_apps(backend, request, common_settings):
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    req_settings = await migrated_database(REQ_SPEC, RequirementsSettings, backend, pg, common_settings)
    risk_settings = await migrated_database(RISK_SPEC, RiskSettings, backend, pg, common_settings)
    req_app, risk_app = create_requirements_app(req_settings), create_risk_app(risk_settings)
    async with LifespanClient(req_app) as req, LifespanClient(risk_app) as risk:
        risk_app.state.siblings["requirements"] = _client("requirements", common_settings, app=req_app)
        yield SimpleNamespace(
            req=req,
            risk=risk,
            req_app=req_app,
            risk_app=risk_app,
            urls=[req_settings.database_url, risk_settings.database_url],
        )


@pytest.fixture
async def wired(client, sibling_apps, common_settings, auth):
    """release-svc's sibling clients pointed at the in-process siblings (on clean databases; risk-svc
    knowing the test projects as release-svc does), and risk-svc's release sibling at this release-svc
    (risk links to releases are checked with it)."""
    for url in sibling_apps.urls:
        await truncate_all(url)
    await learn_projects(sibling_apps.risk, auth(service="requirements-svc"))
    release_app = client._transport.app
    siblings = release_app.state.siblings
    saved = dict(siblings)
    siblings["requirements"] = _client("requirements", common_settings, app=sibling_apps.req_app)
    siblings["risk"] = _client("risk", common_settings, app=sibling_apps.risk_app)
    risk_siblings = sibling_apps.risk_app.state.siblings
    saved_release = risk_siblings["release"]
    risk_siblings["release"] = SiblingClient(
        name="release-svc",
        base_url="http://release",
        settings=common_settings,
        caller="risk-svc",
        transport=httpx.ASGITransport(app=release_app),
    )
    sibling_apps.set = lambda name, c: siblings.__setitem__(name, c)
    yield sibling_apps
    for name in ("requirements", "risk"):
        await siblings[name].aclose()
    siblings.clear()
    siblings.update(saved)
    await risk_siblings["release"].aclose()
    risk_siblings["release"] = saved_release


async def make_items(req, auth, n=2, *, criteria=True):
    r = await req.post("/v1/projects", json={"key": "PAY", "name": "Payments"}, headers=auth("admin"))
    assert r.status_code == 201, r.text
    keys = []
    for i in range(n):
        r = await req.post(
            "/v1/projects/PAY/items", json={"type": "story", "title": f"Story {i}"}, headers=auth("admin")
        )
        assert r.status_code == 201, r.text
        keys.append(r.json()["key"])
        if criteria:
            c = await req.post(
                f"/v1/items/{keys[-1]}/criteria", json={"text": f"criterion {i}"}, headers=auth("admin")
            )
            assert c.status_code == 201, c.text
    return keys


async def finish_item(req, auth, key):
    for c in (await req.get(f"/v1/items/{key}/criteria", headers=auth("admin"))).json():
        r = await req.post(
            f"/v1/criteria/{c['id']}/verify",
            headers=auth("admin"),
            json={"status": "passed", "evidence_url": "https://ci.example.com/1"},
        )
        assert r.status_code == 200, r.text
    for to in ("ready", "in_progress", "in_review", "done"):
        r = await req.post(f"/v1/items/{key}/transition", json={"to": to}, headers=auth("admin"))
        assert r.status_code == 200, r.text


async def ready_release(client, auth, scope):
    """A release that passes every local check: approved, checklist done, no freeze, no rollout."""
    r = await client.post(
        "/v1/projects/PAY/releases",
        headers=auth("tpm", "PAY"),
        json={"version": "1.0.0", "scope": scope, "approvers": ["carol"]},
    )
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    await client.post(f"/v1/releases/{rid}/submit", headers=auth("tpm", "PAY"))
    r = await client.post(
        f"/v1/releases/{rid}/approvals",
        json={"decision": "approve"},
        headers=auth("engineer", "PAY", sub="carol"),
    )
    assert r.json()["status"] == "approved"
    for item in (await client.get(f"/v1/releases/{rid}/checklist", headers=auth())).json():
        r = await client.patch(
            f"/v1/releases/{rid}/checklist/{item['id']}",
            headers=auth("qa", "PAY"),
            json={"status": "done", "evidence_url": "https://wiki.example.com/go"},
        )
        assert r.status_code == 200
    return rid


def by_name(gate):
    return {c["name"]: c for c in gate["checks"]}


async def gate(client, auth, rid, env="production", role="ci"):
    r = await client.get(
        f"/v1/releases/{rid}/gate", params={"environment": env}, headers=auth(role, "PAY", sub="pipeline")
    )
    assert r.status_code == 200, r.text
    return r.json()


# ---- scope validation on writes ------------------------------------------------------------------------


async def test_unknown_scope_items_are_422_naming_them(client, auth, wired):
    keys = await make_items(wired.req, auth, 1)
    r = await client.post(
        "/v1/projects/PAY/releases",
        headers=auth("tpm", "PAY"),
        json={"version": "1.0.0", "scope": [keys[0], "PAY-99", "PAY-98"]},
    )
    assert r.status_code == 422, r.text
    assert sorted(r.json()["unknown_items"]) == ["PAY-98", "PAY-99"]
    assert (await client.get("/v1/projects/PAY/releases", headers=auth())).json()["items"] == []
    ok = await client.post(
        "/v1/projects/PAY/releases", headers=auth("tpm", "PAY"), json={"version": "1.0.0", "scope": keys}
    )
    assert ok.status_code == 201 and ok.json()["scope"] == keys
    dup = await client.patch(
        f"/v1/releases/{ok.json()['id']}", headers=auth("tpm", "PAY"), json={"scope": [keys[0], keys[0]]}
    )
    assert dup.status_code == 422


async def test_scope_write_answers_503_when_requirements_is_down(client, auth, wired, common_settings):
    wired.set("requirements", _client("requirements", common_settings, url="http://127.0.0.1:9"))
    r = await client.post(
        "/v1/projects/PAY/releases", headers=auth("tpm", "PAY"), json={"version": "1.0.0", "scope": ["PAY-1"]}
    )
    assert r.status_code == 503 and r.json()["sibling"] == "requirements-svc"
    assert (await client.get("/v1/projects/PAY/releases", headers=auth())).json()["items"] == []
    # PATCH: the role is checked before requirements-svc is asked; a 503 leaves the release unchanged.
    made = await client.post(
        "/v1/projects/PAY/releases", headers=auth("tpm", "PAY"), json={"version": "1.0.0"}
    )
    rid = made.json()["id"]
    forbidden = await client.patch(
        f"/v1/releases/{rid}", json={"scope": ["PAY-1"]}, headers=auth("engineer", "PAY")
    )
    assert forbidden.status_code == 403
    down = await client.patch(
        f"/v1/releases/{rid}", json={"scope": ["PAY-1"], "name": "x"}, headers=auth("tpm", "PAY")
    )
    assert down.status_code == 503
    got = (await client.get(f"/v1/releases/{rid}", headers=auth())).json()
    assert got["scope"] == [] and got["name"] == "" and got["revision"] == 1


async def test_scope_change_after_approval_goes_back_to_review(client, auth, wired):
    keys = await make_items(wired.req, auth, 2)
    rid = await ready_release(client, auth, keys[:1])
    r = await client.patch(f"/v1/releases/{rid}", json={"scope": keys}, headers=auth("tpm", "PAY"))
    assert r.status_code == 200 and r.json()["status"] == "in_review"


# ---- the gate ------------------------------------------------------------------------------------------


async def test_gate_allows_when_every_check_passes(client, auth, wired):
    keys = await make_items(wired.req, auth, 2)
    for k in keys:
        await finish_item(wired.req, auth, k)
    rid = await ready_release(client, auth, keys)
    result = await gate(client, auth, rid)
    assert result["allowed"] is True, result
    assert [c["name"] for c in result["checks"]] == [
        "state",
        "approvals",
        "checklist",
        "freeze",
        "scope",
        "risks",
        "rollout",
    ]
    assert all(c["passed"] for c in result["checks"])
    assert result["asked_by"] == "pipeline"
    # The sibling checks carry how long their call took; the local ones do not ask anybody.
    timed = {c["name"]: c["duration_ms"] for c in result["checks"]}
    assert timed["scope"] > 0 and timed["risks"] > 0
    assert max(timed["scope"], timed["risks"]) <= result["duration_ms"]
    untimed = [n for n, d in timed.items() if d is None]
    assert untimed == ["state", "approvals", "checklist", "freeze", "rollout"]


async def test_gate_fails_each_local_check_with_offending_ids(client, auth, wired):
    r = await client.post(
        "/v1/projects/PAY/releases",
        headers=auth("tpm", "PAY"),
        json={"version": "1.0.0", "approvers": ["carol", "dave"], "required_approvals": 2},
    )
    rid = r.json()["id"]
    result = await gate(client, auth, rid)
    checks = by_name(result)
    assert result["allowed"] is False
    assert checks["state"]["passed"] is False and "draft" in checks["state"]["reason"]
    assert checks["approvals"]["passed"] is False and checks["approvals"]["offending_ids"] == [
        "carol",
        "dave",
    ]
    assert checks["checklist"]["passed"] is False and len(checks["checklist"]["offending_ids"]) == 6
    assert "Pressure test (pending)" in checks["checklist"]["reason"]
    assert checks["freeze"]["passed"] and checks["scope"]["passed"] and checks["risks"]["passed"]
    assert checks["rollout"]["passed"]


async def test_gate_scope_check_names_unfinished_items_and_bugs(client, auth, wired):
    keys = await make_items(wired.req, auth, 3)
    await finish_item(wired.req, auth, keys[0])
    # keys[1] in review with its criterion failed; keys[2] still in backlog.
    for to in ("ready", "in_progress", "in_review"):
        await wired.req.post(f"/v1/items/{keys[1]}/transition", json={"to": to}, headers=auth("admin"))
    crit = (await wired.req.get(f"/v1/items/{keys[1]}/criteria", headers=auth("admin"))).json()[0]
    await wired.req.post(
        f"/v1/criteria/{crit['id']}/verify", json={"status": "failed"}, headers=auth("admin")
    )
    bug = await wired.req.post(
        "/v1/projects/PAY/items",
        headers=auth("admin"),
        json={"type": "bug", "title": "Refund double-charges", "severity": "S1", "found_in": "1.0.0"},
    )
    assert bug.status_code == 201, bug.text
    rid = await ready_release(client, auth, keys)
    scope = by_name(await gate(client, auth, rid))["scope"]
    assert scope["passed"] is False
    assert keys[0] not in scope["offending_ids"]
    assert f"acceptance criteria not passed: {keys[1]}" in scope["reason"]
    assert {keys[1], keys[2], bug.json()["key"]} <= set(scope["offending_ids"])
    assert "not done" in scope["reason"] and "acceptance" in scope["reason"] and "S1/S2" in scope["reason"]


async def test_gate_blocking_risk_fails_risks_check(client, auth, wired):
    rid = await ready_release(client, auth, [])
    r = await wired.risk.post(
        "/v1/projects/PAY/risks",
        headers=auth("admin"),
        json={
            "title": "Processor caps TPS",
            "category": "dependency",
            "probability": 5,
            "impact": 5,
            "links": {"releases": [rid]},
        },
    )
    assert r.status_code == 201, r.text
    result = await gate(client, auth, rid)
    risks = by_name(result)["risks"]
    assert result["allowed"] is False and risks["passed"] is False
    assert risks["offending_ids"] == [r.json()["key"]]


async def test_gate_freeze_window_and_exception(client, auth, wired):
    rid = await ready_release(client, auth, [])
    now = datetime.now(UTC)
    w = (
        await client.post(
            "/v1/projects/PAY/freeze-windows",
            headers=auth("tpm", "PAY"),
            json={
                "name": "Year end",
                "starts_at": (now - timedelta(minutes=5)).isoformat(),
                "ends_at": (now + timedelta(hours=2)).isoformat(),
                "environments": ["production"],
            },
        )
    ).json()
    frozen = by_name(await gate(client, auth, rid))["freeze"]
    assert (
        frozen["passed"] is False and frozen["offending_ids"] == [w["id"]] and "Year end" in frozen["reason"]
    )
    assert by_name(await gate(client, auth, rid, env="staging"))["freeze"]["passed"] is True
    exc = (
        await client.post(
            f"/v1/releases/{rid}/freeze-exceptions",
            headers=auth("engineer", "PAY", sub="eve"),
            json={"freeze_window_id": w["id"], "reason": "hotfix"},
        )
    ).json()
    assert by_name(await gate(client, auth, rid))["freeze"]["passed"] is False
    await client.post(f"/v1/freeze-exceptions/{exc['id']}/approve", headers=auth("tpm", "PAY", sub="tina"))
    result = await gate(client, auth, rid)
    assert by_name(result)["freeze"]["passed"] is True and result["allowed"] is True


async def test_gate_rollout_guardrails(client, auth, wired):
    rid = await ready_release(client, auth, [])
    r = await client.post(
        f"/v1/releases/{rid}/rollouts",
        headers=auth("tpm", "PAY"),
        json={
            "group_id": "gr1",
            "stages": [
                {"percent": 10, "operator": "bob", "guardrails": ["error_rate <= 0.01"]},
                {"percent": 100, "operator": "bob"},
            ],
        },
    )
    assert r.status_code == 201, r.text
    roll = r.json()
    r = await client.post(f"/v1/rollouts/{roll['id']}/start", headers=auth("tpm", "PAY"))
    assert r.status_code == 200, r.text
    assert by_name(await gate(client, auth, rid))["rollout"]["passed"] is True
    r = await client.post(
        f"/v1/rollouts/{roll['id']}/pause", json={"reason": "error spike"}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 200, r.text
    rollout = by_name(await gate(client, auth, rid))["rollout"]
    assert rollout["passed"] is False and "error spike" in rollout["reason"]
    assert rollout["offending_ids"] == [roll["id"]]


async def test_gate_fails_closed_when_a_sibling_is_down(client, auth, wired, common_settings):
    keys = await make_items(wired.req, auth, 1)
    await finish_item(wired.req, auth, keys[0])
    rid = await ready_release(client, auth, keys)
    wired.set("risk", _client("risk", common_settings, url="http://127.0.0.1:9"))
    result = await gate(client, auth, rid)
    checks = by_name(result)
    assert result["allowed"] is False
    assert checks["risks"]["passed"] is False and "fail closed" in checks["risks"]["reason"]
    assert "unreachable" in checks["risks"]["reason"]
    assert checks["scope"]["passed"] is True


async def _silent_server():
    """A TCP server that accepts connections and never answers: a hung sibling."""
    held = []

    async def handle(reader, writer):
        held.append(writer)
        await asyncio.sleep(3600)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1], held


async def test_gate_slow_sibling_fails_within_the_timeout(client, auth, wired, common_settings, monkeypatch):
    keys = await make_items(wired.req, auth, 1)
    await finish_item(wired.req, auth, keys[0])
    rid = await ready_release(client, auth, keys)
    monkeypatch.setattr(client._transport.app.state.settings.common, "sibling_timeout_seconds", 0.5)
    server, port, held = await _silent_server()
    try:
        wired.set("requirements", _client("requirements", common_settings, url=f"http://127.0.0.1:{port}"))
        started = time.monotonic()
        result = await gate(client, auth, rid)
        elapsed = time.monotonic() - started
    finally:
        for w in held:
            w.close()
        server.close()
    checks = by_name(result)
    assert result["allowed"] is False
    # The configured 0.5 s bounded the call (the client's own default would be 1.5 s).
    assert checks["scope"]["passed"] is False and "timed out after 0.5s" in checks["scope"]["reason"]
    assert checks["risks"]["passed"] is True
    assert 450 <= checks["scope"]["duration_ms"] < 3000  # the time it waited, recorded with the failure
    assert elapsed < 3, elapsed  # generous: the machine running the tests may be busy


async def test_gate_decisions_are_recorded_and_listable(client, auth, wired):
    rid = await ready_release(client, auth, [])
    first = await gate(client, auth, rid, env="staging")
    await client.post(
        "/v1/projects/PAY/freeze-windows",
        headers=auth("tpm", "PAY"),
        json={
            "name": "freeze",
            "starts_at": (datetime.now(UTC) - timedelta(minutes=1)).isoformat(),
            "ends_at": (datetime.now(UTC) + timedelta(hours=1)).isoformat(),
        },
    )
    second = await gate(client, auth, rid, env="production")
    assert first["allowed"] is True and second["allowed"] is False
    listed = (await client.get(f"/v1/releases/{rid}/gate-decisions", headers=auth("viewer", "PAY"))).json()
    assert [d["decision_id"] for d in listed["items"]] == [second["decision_id"], first["decision_id"]]
    assert listed["items"][0]["checks"] == second["checks"] and listed["items"][0]["asked_by"] == "pipeline"
    denied = (
        await client.get(f"/v1/releases/{rid}/gate-decisions", params={"allowed": "false"}, headers=auth())
    ).json()["items"]
    assert [d["decision_id"] for d in denied] == [second["decision_id"]]
    page = await client.get(f"/v1/releases/{rid}/gate-decisions", params={"limit": 1}, headers=auth())
    nxt = await client.get(
        f"/v1/releases/{rid}/gate-decisions",
        params={"limit": 1, "cursor": page.json()["next_cursor"]},
        headers=auth(),
    )
    assert nxt.json()["items"][0]["decision_id"] == first["decision_id"]


async def test_gate_auth_and_bad_input(client, auth, wired):
    rid = await ready_release(client, auth, [])
    assert (await client.get(f"/v1/releases/{rid}/gate")).status_code == 401
    assert (await client.get(f"/v1/releases/{rid}/gate", headers=auth("ci", "OPS"))).status_code == 404
    assert (
        await client.get(f"/v1/releases/{rid}/gate", params={"environment": "PROD!"}, headers=auth())
    ).status_code == 422
    assert (await client.get("/v1/releases/not-a-uuid/gate", headers=auth())).status_code == 422
