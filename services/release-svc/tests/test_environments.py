"""Environments are a closed set per project: every path that names an environment takes a name or an alias
(stored as the name) and refuses anything else with 422 and nothing written."""

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from release_helpers import ready_release
from release_svc.deployments.models import Deployment
from release_svc.freezes.models import FreezeWindow
from release_svc.gate.models import GateDecision
from release_svc.releases.models import Release
from release_svc.rollouts.models import Rollout
from sqlalchemy import func, select
from test_webhooks import standard_headers
from tpmhub_shared.db import Database


@pytest.fixture
async def db(client, release_settings):
    database = Database(release_settings.database_url)
    yield database
    await database.dispose()


async def count(db, model) -> int:
    async with db.session(write=False) as session:
        return (await session.execute(select(func.count()).select_from(model))).scalar_one()


def assert_unknown(r, name="qa"):
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["allowed_environments"] == ["development", "staging", "production"]
    assert body["aliases"]["prod"] == "production" and name in body["detail"]
    assert body["errors"][0]["type"] == "environment_unknown"


def window(environments, name="Year end"):
    now = datetime.now(UTC)
    return {
        "name": name,
        "starts_at": (now - timedelta(minutes=5)).isoformat(),
        "ends_at": (now + timedelta(hours=1)).isoformat(),
        "environments": environments,
    }


async def test_default_list_edit_with_if_match_and_history(client, auth, db):
    r = await client.get("/v1/projects/PAY/environments", headers=auth("viewer", "PAY"))
    assert r.status_code == 200 and r.headers["ETag"] == '"0"' and r.json()["is_default"] is True
    assert [e["name"] for e in r.json()["environments"]] == ["development", "staging", "production"]
    new = {
        "environments": [
            {"name": "staging", "aliases": ["stg"]},
            {"name": "production", "aliases": ["prod", "live"]},
            {"name": "qa", "aliases": ["Test"]},
        ]
    }
    r = await client.put("/v1/projects/PAY/environments", json=new, headers=auth("engineer", "PAY"))
    assert r.status_code == 403
    r = await client.put(
        "/v1/projects/PAY/environments", json=new, headers={**auth("tpm", "PAY"), "If-Match": '"7"'}
    )
    assert r.status_code == 412
    dup = {"environments": [{"name": "production", "aliases": ["prod"]}, {"name": "prod"}]}
    r = await client.put("/v1/projects/PAY/environments", json=dup, headers=auth("tpm", "PAY"))
    assert r.status_code == 422
    r = await client.put(
        "/v1/projects/PAY/environments", json=new, headers={**auth("tpm", "PAY"), "If-Match": '"0"'}
    )
    assert r.status_code == 200, r.text
    assert r.json()["environments"][2] == {"name": "qa", "aliases": ["test"]} and r.headers["ETag"] == '"1"'
    r = await client.put(
        "/v1/projects/PAY/environments", json=new, headers={**auth("tpm", "PAY"), "If-Match": '"0"'}
    )
    assert r.status_code == 412
    [entry] = (await client.get("/v1/projects/PAY/environments/history", headers=auth())).json()["items"]
    assert entry["actor"] and entry["action"] == "update"
    # The new list applies at once: `test` is qa, `development` is gone, other projects keep the default.
    r = await client.post("/v1/projects/PAY/freeze-windows", json=window(["test", "live"]), headers=auth())
    assert r.status_code == 201 and r.json()["environments"] == ["qa", "production"]
    r = await client.post("/v1/projects/PAY/freeze-windows", json=window(["dev"]), headers=auth())
    assert r.status_code == 422 and r.json()["allowed_environments"] == ["staging", "production", "qa"]
    r = await client.post("/v1/projects/OPS/freeze-windows", json=window(["dev"]), headers=auth())
    assert r.status_code == 201 and r.json()["environments"] == ["development"]


async def test_an_environment_in_use_cannot_be_removed(client, auth, wired):
    rid = await ready_release(client, auth, [])
    r = await client.post(
        f"/v1/releases/{rid}/rollouts",
        json={"environment": "stg", "stages": [{"percent": 100, "operator": "bob"}]},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201 and r.json()["environment"] == "staging"
    r = await client.put(
        "/v1/projects/PAY/environments",
        json={"environments": [{"name": "production", "aliases": ["prod"]}]},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 409 and "staging" in r.json()["in_use"]
    assert (await client.get("/v1/projects/PAY/environments", headers=auth())).json()["is_default"] is True


async def test_gate_alias_acts_as_its_name_and_unknown_is_refused(client, auth, wired, db):
    rid = await ready_release(client, auth, [])
    r = await client.post("/v1/projects/PAY/freeze-windows", json=window(["production"]), headers=auth())
    assert r.status_code == 201
    for name in ("prod", "PRD", "production"):
        g = await client.get(f"/v1/releases/{rid}/gate", params={"environment": name.lower()}, headers=auth())
        assert g.status_code == 200 and g.json()["environment"] == "production"
        freeze = {c["name"]: c for c in g.json()["checks"]}["freeze"]
        assert g.json()["allowed"] is False and freeze["passed"] is False, name
    staged = await client.get(f"/v1/releases/{rid}/gate", params={"environment": "stage"}, headers=auth())
    assert staged.json()["environment"] == "staging" and staged.json()["allowed"] is True
    decisions = await count(db, GateDecision)
    assert_unknown(await client.get(f"/v1/releases/{rid}/gate", params={"environment": "qa"}, headers=auth()))
    assert await count(db, GateDecision) == decisions
    listed = await client.get(
        f"/v1/releases/{rid}/gate-decisions", params={"environment": "prod"}, headers=auth()
    )
    assert len(listed.json()["items"]) == 3
    assert_unknown(
        await client.get(f"/v1/releases/{rid}/gate-decisions", params={"environment": "qa"}, headers=auth())
    )


async def test_freeze_windows_store_canonical_names_and_refuse_unknown(client, auth, db):
    r = await client.post(
        "/v1/projects/PAY/freeze-windows", json=window(["prod", "production", "stg"]), headers=auth()
    )
    assert r.status_code == 201 and r.json()["environments"] == ["production", "staging"]
    assert_unknown(
        await client.post("/v1/projects/PAY/freeze-windows", json=window(["prod", "qa"]), headers=auth())
    )
    assert await count(db, FreezeWindow) == 1


async def test_deployments_and_dora_resolve_aliases_and_refuse_unknown(client, auth, db):
    body = {
        "environment": "prd",
        "commit_sha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
        "status": "succeeded",
        "started_at": "2026-11-20T10:00:00Z",
        "finished_at": "2026-11-20T10:05:00Z",
    }
    r = await client.post("/v1/projects/PAY/deployments", json=body, headers=auth("ci", "PAY"))
    assert r.status_code == 201 and r.json()["environment"] == "production"
    assert_unknown(
        await client.post(
            "/v1/projects/PAY/deployments", json={**body, "environment": "qa"}, headers=auth("ci", "PAY")
        )
    )
    assert await count(db, Deployment) == 1
    listed = await client.get("/v1/projects/PAY/deployments", params={"environment": "prod"}, headers=auth())
    assert len(listed.json()["items"]) == 1
    assert_unknown(
        await client.get("/v1/projects/PAY/deployments", params={"environment": "qa"}, headers=auth())
    )
    window_q = {"from": "2026-11-01T00:00:00Z", "to": "2026-11-30T00:00:00Z"}
    dora = await client.get(
        "/v1/projects/PAY/dora", params={**window_q, "environment": "prod"}, headers=auth()
    )
    assert dora.json()["environment"] == "production" and dora.json()["deployments"] == 1
    assert_unknown(
        await client.get("/v1/projects/PAY/dora", params={**window_q, "environment": "qa"}, headers=auth())
    )


async def test_rollouts_resolve_aliases_and_refuse_unknown(client, auth, db):
    r = await client.post("/v1/projects/PAY/releases", json={"version": "1.0.0"}, headers=auth("tpm", "PAY"))
    rid = r.json()["id"]
    stages = [{"percent": 100, "operator": "bob"}]
    r = await client.post(
        f"/v1/releases/{rid}/rollouts",
        json={"environment": "dev", "stages": stages},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201 and r.json()["environment"] == "development"
    default = await client.post(
        f"/v1/releases/{rid}/rollouts", json={"stages": stages}, headers=auth("tpm", "PAY")
    )
    assert default.json()["environment"] == "production"
    assert_unknown(
        await client.post(
            f"/v1/releases/{rid}/rollouts",
            json={"environment": "qa", "stages": stages},
            headers=auth("tpm", "PAY"),
        )
    )
    assert await count(db, Rollout) == 2


async def test_verifications_resolve_aliases_and_refuse_unknown(client, auth, db):
    r = await client.post("/v1/projects/PAY/releases", json={"version": "1.0.0"}, headers=auth("tpm", "PAY"))
    rid = r.json()["id"]
    async with db.session() as session, session.begin():
        (await session.get(Release, uuid.UUID(rid))).status = "deploying"  # setup only
    body = {"scenario": "Pay with a stored wallet", "result": "passed", "environment": "prod"}
    r = await client.post(f"/v1/releases/{rid}/verifications", json=body, headers=auth("qa", "PAY"))
    assert r.status_code == 201 and r.json()["environment"] == "production", r.text
    assert_unknown(
        await client.post(
            f"/v1/releases/{rid}/verifications", json={**body, "environment": "qa"}, headers=auth("qa", "PAY")
        )
    )
    listed = await client.get(f"/v1/releases/{rid}/verifications", headers=auth())
    assert len(listed.json()["items"]) == 1


async def test_ci_sources_and_webhook_deployments_resolve_aliases(client, auth, db):
    base = {"provider": "generic", "repository": "acme/payments"}
    assert_unknown(
        await client.post(
            "/v1/projects/PAY/ci-sources",
            json={**base, "production_environments": ["prod", "qa"]},
            headers=auth("tpm", "PAY"),
        )
    )
    r = await client.post(
        "/v1/projects/PAY/ci-sources",
        json={**base, "production_environments": ["prod", "Production"]},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201 and r.json()["production_environments"] == ["production"], r.text
    source = r.json()
    r = await client.patch(
        f"/v1/ci-sources/{source['id']}", json={"production_environments": ["qa"]}, headers=auth("tpm", "PAY")
    )
    assert_unknown(r)

    async def deliver(environment: str, run: str) -> dict:
        raw = json.dumps(
            {
                "type": "deployment",
                "repository": "acme/payments",
                "run_id": run,
                "status": "success",
                "sha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
                "environment": environment,
            }
        ).encode()
        r = await client.post("/v1/webhooks/ci", content=raw, headers=standard_headers(source["secret"], raw))
        assert r.status_code in (200, 202), r.text
        return r.json()

    assert (await deliver("PRD", "d1"))["deployments"] == 1
    assert (await deliver("preview-42", "d2"))["deployments"] == 0
    [dep] = (await client.get("/v1/projects/PAY/deployments", headers=auth())).json()["items"]
    assert dep["environment"] == "production"
