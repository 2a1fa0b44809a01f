"""Conventions that hold across the three services."""

import os
import re
import subprocess
import sys

import pytest
from pydantic import SecretStr
from tpmhub_shared.concurrency import check_if_match
from tpmhub_shared.pagination import InvalidCursor, cursor_key, decode_cursor, encode_cursor
from tpmhub_shared.problems import (
    RESERVED_MEMBERS,
    Conflict,
    PreconditionFailed,
    PreconditionRequired,
    ProblemError,
    problem_response,
)
from tpmhub_shared.settings import DEV_JWT_SECRET, CommonSettings, InsecureSettingsError

MODULES = ["requirements_svc", "risk_svc", "release_svc"]


def _apps():
    import importlib

    return {m: importlib.import_module(f"{m}.main").create_app() for m in MODULES}


def test_production_refuses_the_dev_secret():
    with pytest.raises(InsecureSettingsError):
        CommonSettings(env="production")
    with pytest.raises(InsecureSettingsError):
        CommonSettings(env="production", jwt_secret=SecretStr("short"))
    assert CommonSettings(env="production", jwt_secret=SecretStr("x" * 40)).is_production


@pytest.mark.parametrize("module", MODULES)
def test_service_exits_with_a_clear_message_on_the_dev_secret_in_production(module, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TPM_")}
    env.update(TPM_ENV="production", TPM_JWT_SECRET=DEV_JWT_SECRET)
    result = subprocess.run(
        [sys.executable, "-m", module, "migrate"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 78
    assert "TPM_JWT_SECRET" in result.stderr and "refusing to start" in result.stderr
    assert not (tmp_path / "var").exists() or not any((tmp_path / "var").iterdir())


def test_operation_ids_are_unique_verb_noun_and_errors_declared():
    for module, app in _apps().items():
        spec = app.openapi()
        ids = []
        for path, item in spec["paths"].items():
            for method, op in item.items():
                ids.append(op["operationId"])
                assert re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", op["operationId"]), (module, op["operationId"])
                assert op.get("tags"), (module, path, method)
                if path.startswith("/v1/"):
                    codes = set(op["responses"])
                    assert "401" in codes or "webhook" in path, (module, path, method, "401 not declared")
                    assert "422" in codes, (module, path, method, "422 not declared")
        assert len(ids) == len(set(ids)), (module, sorted(i for i in ids if ids.count(i) > 1))
        assert "Problem" in spec["components"]["schemas"]


def test_if_match_forms():
    check_if_match('"3"', 3)
    check_if_match('"1", "3"', 3)
    check_if_match('"1","3" ,, ', 3)  # an HTTP list: optional spaces, empty elements
    check_if_match('W/"1", "3"', 3)
    check_if_match("*", 9)
    check_if_match(" * ", 9)
    check_if_match(None, 3)
    with pytest.raises(PreconditionFailed):
        check_if_match('"2"', 3)
    with pytest.raises(PreconditionRequired):
        check_if_match(None, 3, required=True)


@pytest.mark.parametrize(
    "value",
    [
        'W/"3"',  # RFC 9110 §13.1.1: If-Match uses the strong comparison, a weak tag never matches
        'W/"1", W/"3"',
        '"1", "2"',
        "3",  # not an entity-tag
        '"3',
        '"3" "4"',
        '"3", *',  # `*` stands alone
        "",
        ",",
    ],
)
def test_if_match_refuses_weak_stale_and_malformed_tags(value):
    with pytest.raises(PreconditionFailed):
        check_if_match(value, 3)


def test_cursor_round_trip_and_tampering():
    import uuid
    from datetime import UTC, datetime

    from requirements_svc.items.models import Item

    key = cursor_key("secret", "requirements-svc")
    columns = [Item.created_at, Item.number, Item.rank, Item.id]
    values = [datetime(2026, 1, 2, tzinfo=UTC), 3, "x", uuid.UUID(int=5)]
    cursor = encode_cursor("-created", values, scope="items", key=key)
    assert decode_cursor(cursor, "-created", columns, scope="items", key=key) == values
    for sort, scope, other_key, text in [
        ("key", "items", key, cursor),
        ("-created", "risks", key, cursor),
        ("-created", "items", cursor_key("secret", "risk-svc"), cursor),
        ("-created", "items", key, cursor[:-1] + "A"),
        ("-created", "items", key, "!!!"),
    ]:
        with pytest.raises(InvalidCursor):
            decode_cursor(text, sort, columns, scope=scope, key=other_key)


def test_pending_heads_follow_dependencies_across_branches():
    from tpmhub_shared.migrations import pending_heads

    parents = {"base": set(), "docs1": {"base"}, "docs2": {"docs1"}, "shared1": set()}
    # Alembic lists only the tips: "base" is applied through docs2's dependency chain.
    assert pending_heads({"base", "docs2", "shared1"}, {"docs2", "shared1"}, parents) == set()
    assert pending_heads({"base", "docs2", "shared1"}, {"docs1", "shared1"}, parents) == {"docs2"}


async def test_every_read_refuses_unknown_query_parameters(make_token):
    """`?statuss=done` on any GET under /v1 is a 422 naming the unknown parameter, never a silently
    unfiltered answer."""
    import httpx

    headers = {"Authorization": f"Bearer {make_token('admin')}"}
    checked = 0
    for module, app in _apps().items():
        paths = [p for p, ops in app.openapi()["paths"].items() if "get" in ops and p.startswith("/v1/")]
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            for route_path in paths:
                path = re.sub(r"\{[^}]+\}", "01937c5e-0000-7000-8000-000000000001", route_path)
                r = await client.get(path, params={"statuss": "done", "Limit": "1"}, headers=headers)
                assert r.status_code == 422, (module, route_path, r.status_code, r.text[:300])
                problem = r.json()
                assert problem["status"] == 422
                assert {e["loc"] for e in problem["errors"]} == {"query.Limit", "query.statuss"}, problem
                assert "statuss" in problem["detail"]
                checked += 1
    assert checked > 60


@pytest.mark.parametrize("member", ["type", "status", "instance"])
def test_a_problem_refuses_extension_members_named_like_its_own(member):
    with pytest.raises(TypeError, match=member):
        Conflict("The delivery is still pending.", **{member: "pending"})


def test_the_problem_builder_never_lets_an_extension_member_overwrite_its_own():
    import orjson

    extra = {name: "x" for name in RESERVED_MEMBERS} | {"delivery_status": "pending"}
    body = orjson.loads(problem_response(409, slug="conflict", title="Conflict", extra=extra).body)
    assert body == {
        "type": "https://tpmhub.dev/problems/conflict",
        "title": "Conflict",
        "status": 409,
        "delivery_status": "pending",
    }


def test_no_problem_raised_anywhere_names_an_extension_member_like_a_problem_member():
    """Every `SomeProblem(...)` call in shared and the services: no `type=`, `status=` or `instance=`
    (`detail` and `title` are the problem's own parameters), so no path, tested or not, fails on it."""
    import ast
    from pathlib import Path

    _apps()  # imports every module, so every ProblemError subclass is known

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    names = {c.__name__ for c in subclasses(ProblemError)} | {"ProblemError"}
    root = Path(__file__).resolve().parents[1]
    found = []
    for path in [*root.glob("shared/src/**/*.py"), *root.glob("services/*/src/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name in names:
                    found += [
                        f"{path.relative_to(root)}:{node.lineno} {k.arg}="
                        for k in node.keywords
                        if k.arg in RESERVED_MEMBERS - {"detail", "title"}
                    ]
    assert not found, found


def _template_regex(template: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$")


def _concrete(template: str, item: dict) -> str:
    """A request path for an OpenAPI path template: each parameter a value of its documented shape."""
    params = {p["name"]: p for op in item.values() for p in op.get("parameters", []) if p["in"] == "path"}

    def value(m: re.Match[str]) -> str:
        schema = params.get(m.group(1), {}).get("schema", {})
        return "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b" if schema.get("format") == "uuid" else "PAY-1"

    return re.sub(r"\{([^}]+)\}", value, template)


@pytest.mark.parametrize("module", MODULES)
async def test_every_unsupported_method_is_405_with_every_allowed_method(module):
    """For every path of the OpenAPI document, a method it does not document, and OPTIONS (neither HEAD
    nor OPTIONS is served anywhere), answer a 405 problem whose Allow lists exactly the documented methods
    of the path (of every template the request path matches, where templates overlap)."""
    import importlib

    import httpx

    app = importlib.import_module(f"{module}.main").create_app()
    paths = app.openapi()["paths"]
    ordinary = ("DELETE", "PUT", "PATCH", "POST", "GET")
    wrong = []
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        for template, item in paths.items():
            path = _concrete(template, item)
            documented = {m.upper() for t, i in paths.items() if _template_regex(t).match(path) for m in i}
            unsupported = [next((m for m in ordinary if m not in documented), "HEAD"), "OPTIONS"]
            for method in unsupported:
                r = await client.request(method, path)
                allow = {m.strip() for m in r.headers.get("allow", "").split(",") if m.strip()}
                if r.status_code != 405 or allow != documented:
                    wrong.append(
                        f"{method} {path}: {r.status_code} Allow={sorted(allow)} "
                        f"documented={sorted(documented)}"
                    )
                elif method != "HEAD":
                    problem = r.json()
                    assert problem["status"] == 405 and problem["type"].endswith("/method-not-allowed")
    assert not wrong, "\n".join(wrong)
