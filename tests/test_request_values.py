"""Values no request body may hold, on either backend, for every field of every operation of the three
services (walked from their OpenAPI documents): a non-finite number (NaN, ±Infinity — no JSON numbers;
PostgreSQL refuses them and SQLite stored them as null) and the NUL character in text or in a key
(PostgreSQL cannot store it and SQLite did, also when it came after an escaped backslash). Each gets a 422
problem naming the field, and nothing is stored."""

from __future__ import annotations

import importlib
import json
import math
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from sqlalchemy import func, inspect, select, table
from sqlalchemy.ext.asyncio import create_async_engine
from tpmhub_shared.testing.plugin import LifespanClient, learn_projects, migrated_database

SERVICES = {"requirements": "requirements_svc", "risk": "risk_svc", "release": "release_svc"}
METHODS = ("post", "put", "patch", "delete")
NUL_TEXTS = {"escaped NUL": "a\x00b", "NUL after an escaped backslash": "a\\\x00b"}
NON_FINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


@pytest.fixture(scope="session")
async def service_apps(backend, request, common_settings) -> AsyncIterator[dict[str, Any]]:
    """The three services in-process, each on its own migrated database of this backend."""
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    running: dict[str, Any] = {}
    lifespans = []
    try:
        for name, module in SERVICES.items():
            main = importlib.import_module(f"{module}.main")
            settings_cls = importlib.import_module(f"{module}.settings").Settings
            settings = await migrated_database(main.SPEC, settings_cls, backend, pg, common_settings)
            lifespan = LifespanClient(main.create_app(settings))
            await lifespan.__aenter__()
            lifespans.append(lifespan)
            running[name] = (lifespan.client, lifespan.app, settings.database_url)
        yield running
    finally:
        for lifespan in reversed(lifespans):
            await lifespan.__aexit__(None, None, None)


def _resolve(schema: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def fields(
    schema: dict[str, Any],
    spec: dict[str, Any],
    path: tuple[str | int, ...] = (),
    seen: frozenset[str] = frozenset(),
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path into the body, "number" | "string") for every scalar field a body schema describes."""
    ref = schema.get("$ref")
    if ref in seen:
        return
    seen = seen | {ref} if ref else seen
    schema = _resolve(schema, spec)
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, []):
            yield from fields(option, spec, path, seen)
    kind = schema.get("type")
    if kind in ("number", "string"):
        yield path, kind
    elif kind == "array" and "items" in schema:
        yield from fields(schema["items"], spec, (*path, 0), seen)
    for name, sub in schema.get("properties", {}).items():
        yield from fields(sub, spec, (*path, name), seen)
    if isinstance(schema.get("additionalProperties"), dict):
        yield from fields(schema["additionalProperties"], spec, (*path, "k"), seen)


def placed(path: tuple[str | int, ...], value: Any) -> Any:
    """A body holding `value` at `path` (and nothing else)."""
    for step in reversed(path):
        value = [value] if isinstance(step, int) else {step: value}
    return value


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(method, request path, JSON body schema) of every operation that takes a JSON body."""
    for template, item in spec["paths"].items():
        for method, op in item.items():
            body = op.get("requestBody", {}).get("content", {}).get("application/json")
            if method in METHODS and body:
                path = re.sub(
                    r"\{[^}]+\}",
                    "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b" if "_id}" in template else "PAY-1",
                    template,
                )
                path = path.replace("{key}", "PAY")
                yield method, path, body["schema"]


async def row_counts(url: str) -> dict[str, int]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            names = await conn.run_sync(lambda c: inspect(c).get_table_names())
            return {
                n: (await conn.execute(select(func.count()).select_from(table(n)))).scalar_one()
                for n in names
                if n != "alembic_version"
            }
    finally:
        await engine.dispose()


async def _refused(client: Any, method: str, path: str, body: Any, headers: dict[str, str]) -> dict[str, Any]:
    r = await client.request(
        method,
        path,
        content=json.dumps(body).encode(),
        headers={**headers, "Content-Type": "application/json"},
    )
    assert r.status_code == 422, (method, path, r.status_code, r.text[:300])
    assert r.headers["content-type"] == "application/problem+json"
    problem = r.json()
    assert problem["status"] == 422 and isinstance(problem["type"], str) and isinstance(problem["title"], str)
    return problem


def _loc(path: tuple[str | int, ...]) -> str:
    return ".".join(["body", *map(str, path)])


@pytest.mark.parametrize("service", list(SERVICES))
async def test_no_field_of_any_body_takes_a_non_finite_number(service_apps, service, auth):
    client, app, url = service_apps[service]
    spec = app.openapi()
    before = await row_counts(url)
    checked = 0
    for method, path, schema in operations(spec):
        for field, kind in set(fields(schema, spec)):
            if kind != "number":
                continue
            for value in NON_FINITE.values():
                problem = await _refused(client, method, path, placed(field, value), auth("admin"))
                assert any(
                    e["loc"] == _loc(field) and e["type"] == "finite_number"
                    for e in problem.get("errors", [])
                ), (method, path, field, problem)
                checked += 1
    assert checked, "no number field found: the schema walk is broken"
    assert await row_counts(url) == before


@pytest.mark.parametrize("service", list(SERVICES))
async def test_no_text_of_any_body_takes_a_nul_character(service_apps, service, auth):
    client, app, url = service_apps[service]
    spec = app.openapi()
    before = await row_counts(url)
    checked = 0
    for method, path, schema in operations(spec):
        for field, kind in [*set(fields(schema, spec)), (("k\x00ey",), "key")]:
            if kind == "number":
                continue
            for text in NUL_TEXTS.values():
                body = placed(field, text if kind == "string" else "v")
                problem = await _refused(client, method, path, body, auth("admin"))
                loc = _loc(field).replace("\x00", "\\u0000")
                assert any(
                    e["loc"] == loc and e["type"] == "nul_character" for e in problem.get("errors", [])
                ), (method, path, field, problem)
                checked += 1
    assert checked > 100, "few text fields found: the schema walk is broken"
    assert await row_counts(url) == before


async def test_text_that_only_looks_like_an_escape_is_stored(service_apps, auth):
    """A backslash followed by `u0000` is six characters of text, not a NUL."""
    client, _, _ = service_apps["requirements"]
    name = "Payments \\u0000 (literally)"
    r = await client.post("/v1/projects", json={"key": "ESC", "name": name}, headers=auth("admin"))
    assert r.status_code == 201, r.text
    assert (await client.get("/v1/projects/ESC", headers=auth())).json()["name"] == name


async def test_a_risk_trigger_threshold_of_nan_is_refused_not_stored_as_null(service_apps, auth):
    client, _, _ = service_apps["risk"]
    await learn_projects(client, auth(service="requirements-svc"), "NAN")
    body = {
        "title": "Card processor rate-limits us",
        "category": "dependency",
        "owner": "bob",
        "probability": 4,
        "impact": 4,
        "triggers": [{"metric": "payment_error_rate", "comparator": ">", "threshold": math.nan}],
    }
    problem = await _refused(client, "post", "/v1/projects/NAN/risks", body, auth("admin"))
    assert [e["loc"] for e in problem["errors"]] == ["body.triggers.0.threshold"]
    body["triggers"][0]["threshold"] = 0.01
    r = await client.post("/v1/projects/NAN/risks", json=body, headers=auth("admin"))
    assert r.status_code == 201, r.text  # the same body with a finite threshold is valid
    assert [t["threshold"] for t in r.json()["triggers"]] == [0.01]
