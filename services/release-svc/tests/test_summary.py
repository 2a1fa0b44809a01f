"""GET /v1/projects/{key}/release-summary: releases over a period
for requirements-svc's health and reports."""

import uuid
from datetime import timedelta

import pytest
from release_helpers import ready_release
from release_svc.gate.models import GateDecision
from release_svc.releases.models import Release
from release_svc.verification.models import Verification
from tpmhub_shared.db import Database
from tpmhub_shared.ids import utcnow


@pytest.fixture
async def db(client, release_settings):
    database = Database(release_settings.database_url)
    yield database
    await database.dispose()


@pytest.fixture(autouse=True)
def _gate_siblings(wired):
    """Rollouts started here ask the release gate, which asks the real siblings (in-process)."""
    return wired


async def release(client, auth, db, version, *, status="approved", scope=()) -> str:
    # Through the API to a release the gate lets through (approved, checklist done)...
    rid = await ready_release(client, auth, [], version=version)
    # ...then, setup only: straight into the wanted state (the release rules are tested elsewhere).
    async with db.session() as session, session.begin():
        row = await session.get(Release, uuid.UUID(rid))
        row.status, row.scope = status, list(scope)
    return rid


async def rollout(client, auth, rid, *operators) -> str:
    stages = [
        {"percent": p, "min_hold_seconds": 0, "operator": op}
        for p, op in zip((10, 50, 100), operators, strict=True)
    ]
    r = await client.post(f"/v1/releases/{rid}/rollouts", json={"stages": stages}, headers=auth("tpm", "PAY"))
    assert r.status_code == 201, r.text
    ro = r.json()["id"]
    assert (await client.post(f"/v1/rollouts/{ro}/start", headers=auth("tpm", "PAY"))).status_code == 200
    return ro


@pytest.fixture
async def releases(client, auth, db):
    today = utcnow()
    r1 = await release(client, auth, db, "1.1.0")
    ro1 = await rollout(client, auth, r1, "bob", "carol", "dave")
    r = await client.post(f"/v1/rollouts/{ro1}/advance", headers=auth("tpm", "PAY"))
    assert r.status_code == 200, r.text
    r2 = await release(client, auth, db, "1.2.0")
    ro2 = await rollout(client, auth, r2, "bob", "bob", "bob")
    r = await client.post(
        f"/v1/rollouts/{ro2}/rollback", json={"reason": "error spike"}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 200, r.text
    r3 = await release(client, auth, db, "1.3.0", status="verifying")
    r = await client.post(f"/v1/releases/{r3}/mark-released", headers=auth("tpm", "PAY"))
    assert r.status_code == 200, r.text
    r4 = await release(client, auth, db, "1.4.0", status="draft", scope=["PAY-1", "PAY-2"])
    async with db.session() as session, session.begin():
        checks = [
            {"name": "scope", "passed": False, "reason": "2 scope item(s) not done"},
            {"name": "approvals", "passed": True, "reason": "1 of 1 approvals"},
        ]
        session.add(
            GateDecision(
                release_id=uuid.UUID(r4),
                project_key="PAY",
                version="1.4.0",
                environment="production",
                allowed=False,
                checks=checks,
                asked_by="ci",
                at=today,
            )
        )
        session.add(
            GateDecision(
                release_id=uuid.UUID(r4),
                project_key="PAY",
                version="1.4.0",
                environment="production",
                allowed=True,
                checks=[],
                asked_by="ci",
                at=today,
            )
        )
        session.add(
            GateDecision(
                release_id=uuid.UUID(r4),
                project_key="PAY",
                version="1.4.0",
                environment="production",
                allowed=False,
                checks=checks,
                asked_by="ci",
                at=today - timedelta(days=10),
            )
        )
        session.add(
            Verification(
                release_id=uuid.UUID(r3),
                project_key="PAY",
                scenario="Pay 1 cent by card",
                result="passed",
                verified_by="qa1",
                verified_at=today,
            )
        )
    return {"r1": r1, "r2": r2, "r3": r3, "r4": r4, "ro1": ro1, "ro2": ro2}


async def summary(client, auth, **params):
    today = utcnow().date().isoformat()
    r = await client.get(
        "/v1/projects/PAY/release-summary",
        params={"from": today, "to": today, **params},
        headers=auth("viewer", "PAY"),
    )
    assert r.status_code == 200, r.text
    return r.json()


async def test_summary_of_today(client, auth, releases):
    s = await summary(client, auth)
    assert s["states"] == {"deploying": 1, "rolled_back": 1, "released": 1, "draft": 1}
    assert {x["version"]: x["status"] for x in s["releases"]} == {
        "1.1.0": "deploying",
        "1.2.0": "rolled_back",
        "1.3.0": "released",
        "1.4.0": "draft",
    }
    assert next(x for x in s["releases"] if x["version"] == "1.4.0")["scope"] == ["PAY-1", "PAY-2"]
    [progress] = s["rollouts_in_progress"]
    assert progress["id"] == releases["ro1"] and progress["version"] == "1.1.0"
    assert progress["current_percent"] == 50 and progress["current_stage"] == 1
    assert progress["stage_percents"] == [10, 50, 100] and progress["operator"] == "carol"
    [rollback] = s["rollbacks"]
    assert rollback["version"] == "1.2.0" and rollback["rollout_id"] == releases["ro2"]
    assert rollback["reason"] == "error spike"
    [denial] = s["gate_denials"]
    assert denial["version"] == "1.4.0" and denial["reasons"] == ["2 scope item(s) not done"]
    [verification] = s["verifications"]
    assert verification["version"] == "1.3.0" and verification["outcome"] == "passed"
    assert s["dora"]["deployments"] == 1 and s["dora"]["change_failure_rate"] == 0.5
    assert s["dora"]["deployment_frequency_per_day"] == 1.0
    assert s["dora"]["lead_time_hours_median"] is not None and s["dora"]["lead_time_hours_median"] >= 0


async def test_an_earlier_period_sees_only_what_happened_then(client, auth, releases):
    day = (utcnow() - timedelta(days=10)).date().isoformat()
    s = await summary(client, auth, **{"from": day, "to": day})
    assert [d["version"] for d in s["gate_denials"]] == ["1.4.0"]
    assert s["rollbacks"] == [] and s["verifications"] == []
    assert s["dora"]["deployments"] == 0 and s["dora"]["change_failure_rate"] is None
    # Unfinished releases are listed whatever the period; finished ones only when they changed in it.
    assert {x["version"] for x in s["releases"]} == {"1.1.0", "1.4.0"}
    assert [r["version"] for r in s["rollouts_in_progress"]] == ["1.1.0"]


async def test_empty_project(client, auth):
    s = (
        await client.get(
            "/v1/projects/NEW/release-summary",
            params={"from": utcnow().date().isoformat(), "to": utcnow().date().isoformat()},
            headers=auth("viewer", "NEW"),
        )
    ).json()
    assert s["states"] == {} and s["releases"] == [] and s["dora"]["deployments"] == 0


@pytest.mark.parametrize(
    ("params", "loc"),
    [
        ({"from": "2026-11-20", "to": "2026-11-10"}, "query.from"),
        ({"from": "yesterday", "to": "2026-11-10"}, "query.from"),
        ({"from": "2026-11-10"}, "query.to"),
        ({"from": "2999-01-01", "to": "2999-01-02"}, "query.from"),
        ({"from": "2025-01-01", "to": "2025-12-31"}, "query.from"),
    ],
)
async def test_bad_periods_are_422(client, auth, params, loc):
    r = await client.get("/v1/projects/PAY/release-summary", params=params, headers=auth("viewer", "PAY"))
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert loc in [e["loc"] for e in r.json()["errors"]]


async def test_auth_and_project_key(client, auth, make_token):
    params = {"from": "2026-11-10", "to": "2026-11-10"}
    assert (await client.get("/v1/projects/PAY/release-summary", params=params)).status_code == 401
    assert (
        await client.get("/v1/projects/PAY/release-summary", params=params, headers=auth("admin", "OPS"))
    ).status_code == 403
    assert (
        await client.get("/v1/projects/P-1/release-summary", params=params, headers=auth())
    ).status_code == 422
    service = {"Authorization": f"Bearer {make_token(roles={'*': 'viewer'}, service='requirements-svc')}"}
    assert (
        await client.get("/v1/projects/PAY/release-summary", params=params, headers=service)
    ).status_code == 200
