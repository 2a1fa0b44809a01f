"""Online-trial verification (线上试单): results linked for real to acceptance criteria and items (checked
with the real requirements-svc in-process, its own database); a failed one blocks released and fails its
criteria in requirements-svc, delivered as `verification.recorded`."""

import uuid

import httpx
import pytest
from requirements_svc.main import SPEC as REQ_SPEC
from requirements_svc.main import create_app as create_requirements_app
from requirements_svc.settings import Settings as RequirementsSettings
from sqlalchemy import select
from tpmhub_shared.db import Database
from tpmhub_shared.events import OutboxEvent
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.testing.plugin import LifespanClient, migrated_database, truncate_all


@pytest.fixture(scope="session")
async def requirements_app(backend, request, common_settings):
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    settings = await migrated_database(REQ_SPEC, RequirementsSettings, backend, pg, common_settings)
    app = create_requirements_app(settings)
    async with LifespanClient(app) as req:
        yield app, req, settings


@pytest.fixture
async def req(client, requirements_app, common_settings):
    """release-svc's requirements sibling pointed at the in-process requirements-svc (clean database)."""
    app, req_client, settings = requirements_app
    await truncate_all(settings.database_url)
    siblings = client._transport.app.state.siblings
    saved = siblings["requirements"]
    siblings["requirements"] = SiblingClient(
        name="requirements-svc",
        base_url="http://requirements",
        settings=common_settings,
        caller="release-svc",
        transport=httpx.ASGITransport(app=app),
    )
    yield req_client
    await siblings["requirements"].aclose()
    siblings["requirements"] = saved


@pytest.fixture
async def release_db(release_settings):
    database = Database(release_settings.database_url)
    yield database
    await database.dispose()


async def recorded_events(release_db) -> list[OutboxEvent]:
    async with release_db.session(write=False) as s:
        rows = await s.execute(
            select(OutboxEvent).where(OutboxEvent.type == "verification.recorded").order_by(OutboxEvent.id)
        )
        return list(rows.scalars())


async def deliver(req, make_token, events):
    """Hand release-svc's queued events to requirements-svc's receiver, as the dispatcher does."""
    token = make_token(roles={"*": "viewer"}, sub="service:release-svc", service="release-svc")
    out = []
    for e in events:
        r = await req.post(
            "/v1/events",
            json=e.envelope().model_dump(mode="json"),
            headers={"Authorization": f"Bearer {token}"},
        )
        assert r.status_code == 200, r.text
        out.append(r.json()["status"])
    return out


async def backlog(req, auth):
    """PAY-1 with two criteria, PAY-2 with one; OPS-1 with one (another project)."""
    for key in ("PAY", "OPS"):
        r = await req.post("/v1/projects", json={"key": key, "name": key}, headers=auth("admin"))
        assert r.status_code == 201, r.text
    crit = {}
    for project, title, texts in (
        ("PAY", "Wallet pay", ["pays", "refunds"]),
        ("PAY", "Receipt", ["mails"]),
        ("OPS", "Pager", ["pages"]),
    ):
        r = await req.post(
            f"/v1/projects/{project}/items",
            json={"type": "story", "title": title, "criteria": texts},
            headers=auth("admin"),
        )
        assert r.status_code == 201, r.text
        key = r.json()["key"]
        crit[key] = [c["id"] for c in (await req.get(f"/v1/items/{key}/criteria", headers=auth())).json()]
    return crit


async def criteria_of(req, auth, key):
    return {c["id"]: c for c in (await req.get(f"/v1/items/{key}/criteria", headers=auth())).json()}


async def deploying_release(client, auth):
    r = await client.post(
        "/v1/projects/PAY/releases",
        headers=auth("tpm", "PAY"),
        json={"version": "1.0.0", "approvers": ["carol"]},
    )
    rid = r.json()["id"]
    await client.post(f"/v1/releases/{rid}/submit", headers=auth("tpm", "PAY"))
    await client.post(
        f"/v1/releases/{rid}/approvals",
        json={"decision": "approve"},
        headers=auth("engineer", "PAY", sub="carol"),
    )
    r = await client.post(f"/v1/releases/{rid}/start-deploy", headers=auth("ci", "PAY"))
    assert r.json()["status"] == "deploying"
    return rid


async def test_failed_verification_blocks_released_until_rerun(client, req, auth):
    crit = await backlog(req, auth)
    cid = crit["PAY-1"][0]
    rid = await deploying_release(client, auth)
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        headers=auth("qa", "PAY", sub="qa-lin"),
        json={
            "scenario": "Pay 0.01 CNY with a wallet, then refund",
            "result": "failed",
            "evidence": "refund stuck",
            "criterion_ids": [cid],
            "item_keys": ["PAY-1"],
        },
    )
    assert r.status_code == 201, r.text
    v = r.json()
    assert v["criterion_ids"] == [cid] and v["item_keys"] == ["PAY-1"] and v["verified_by"] == "qa-lin"
    await client.post(
        f"/v1/releases/{rid}/verifications",
        headers=auth("qa", "PAY"),
        json={"scenario": "Card payment", "result": "passed"},
    )
    await client.post(f"/v1/releases/{rid}/start-verification", headers=auth("ci", "PAY"))
    blocked = await client.post(f"/v1/releases/{rid}/mark-released", headers=auth("tpm", "PAY"))
    assert blocked.status_code == 409 and blocked.json()["failed_verifications"] == [v["id"]]
    assert (await client.get(f"/v1/releases/{rid}", headers=auth())).json()["status"] == "verifying"
    stale = await client.patch(
        f"/v1/verifications/{v['id']}",
        json={"result": "passed"},
        headers={**auth("qa", "PAY"), "If-Match": '"9"'},
    )
    assert stale.status_code == 412
    rerun = await client.patch(
        f"/v1/verifications/{v['id']}",
        json={"result": "passed", "evidence": "ok now"},
        headers={**auth("qa", "PAY"), "If-Match": '"1"'},
    )
    assert rerun.status_code == 200 and rerun.json()["result"] == "passed"
    done = await client.post(f"/v1/releases/{rid}/mark-released", headers=auth("tpm", "PAY"))
    assert done.status_code == 200 and done.json()["status"] == "released"
    # Released: verifications are final.
    late = await client.patch(
        f"/v1/verifications/{v['id']}", json={"result": "failed"}, headers=auth("qa", "PAY")
    )
    assert late.status_code == 409
    listed = (
        await client.get(
            f"/v1/releases/{rid}/verifications", params={"result": "passed"}, headers=auth("viewer", "PAY")
        )
    ).json()
    assert len(listed["items"]) == 2


async def test_unknown_links_are_refused_together_and_nothing_written(client, req, auth, release_db):
    crit = await backlog(req, auth)
    rid = await deploying_release(client, auth)
    ghost = str(uuid.uuid4())
    body = {
        "scenario": "Wallet pay",
        "result": "failed",
        "criterion_ids": [crit["PAY-1"][0], ghost, crit["OPS-1"][0]],
        "item_keys": ["PAY-1", "PAY-99", "OPS-1"],
    }
    r = await client.post(f"/v1/releases/{rid}/verifications", json=body, headers=auth("qa", "PAY"))
    assert r.status_code == 422, r.text
    problem = r.json()
    assert problem["unknown_items"] == ["PAY-99", "OPS-1"]
    assert problem["unknown_criteria"] == [ghost, crit["OPS-1"][0]]
    assert [(e["loc"], e["type"]) for e in problem["errors"]] == [
        ("body.item_keys.1", "verification_unknown_item"),
        ("body.item_keys.2", "verification_unknown_item"),
        ("body.criterion_ids.1", "verification_unknown_criterion"),
        ("body.criterion_ids.2", "verification_unknown_criterion"),
    ]
    for name in ("PAY-99", "OPS-1", ghost):
        assert name in problem["detail"]
    assert (await client.get(f"/v1/releases/{rid}/verifications", headers=auth())).json()["items"] == []
    assert await recorded_events(release_db) == []


async def test_the_item_of_each_linked_criterion_is_added(client, req, auth):
    crit = await backlog(req, auth)
    rid = await deploying_release(client, auth)
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        json={
            "scenario": "x",
            "result": "passed",
            "item_keys": ["PAY-1"],
            "criterion_ids": [crit["PAY-2"][0], crit["PAY-1"][1], crit["PAY-2"][0]],
        },
        headers=auth("qa", "PAY"),
    )
    assert r.status_code == 201, r.text
    assert r.json()["item_keys"] == ["PAY-1", "PAY-2"]
    assert r.json()["criterion_ids"] == [crit["PAY-2"][0], crit["PAY-1"][1]]


async def test_requirements_down_is_503_and_nothing_written(client, auth, release_db):
    # Not wired: requirements-svc does not answer.
    rid = await deploying_release(client, auth)
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        json={"scenario": "x", "result": "failed", "item_keys": ["PAY-1"]},
        headers=auth("qa", "PAY"),
    )
    assert r.status_code == 503 and r.json()["sibling"] == "requirements-svc"
    assert (await client.get(f"/v1/releases/{rid}/verifications", headers=auth())).json()["items"] == []
    assert await recorded_events(release_db) == []
    # Without links nothing needs checking.
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        json={"scenario": "x", "result": "passed"},
        headers=auth("qa", "PAY"),
    )
    assert r.status_code == 201


async def test_patch_checks_changed_links(client, req, auth, common_settings):
    crit = await backlog(req, auth)
    rid = await deploying_release(client, auth)
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        json={"scenario": "x", "result": "passed", "criterion_ids": [crit["PAY-1"][0]]},
        headers=auth("qa", "PAY"),
    )
    vid = r.json()["id"]
    bad = await client.patch(
        f"/v1/verifications/{vid}",
        json={"criterion_ids": [crit["OPS-1"][0]], "result": "failed"},
        headers=auth("qa", "PAY"),
    )
    assert bad.status_code == 422 and bad.json()["unknown_criteria"] == [crit["OPS-1"][0]]
    null = await client.patch(f"/v1/verifications/{vid}", json={"item_keys": None}, headers=auth("qa", "PAY"))
    assert null.status_code == 422
    now = (await client.get(f"/v1/verifications/{vid}", headers=auth())).json()
    assert now["result"] == "passed" and now["version"] == 1 and now["criterion_ids"] == [crit["PAY-1"][0]]
    ok = await client.patch(
        f"/v1/verifications/{vid}",
        json={"criterion_ids": [crit["PAY-2"][0]], "item_keys": []},
        headers={**auth("qa", "PAY"), "If-Match": '"1"'},
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["criterion_ids"] == [crit["PAY-2"][0]] and ok.json()["item_keys"] == ["PAY-2"]
    # requirements-svc down: a change of links cannot be checked (503, nothing changed) …
    siblings = client._transport.app.state.siblings
    wired = siblings["requirements"]
    siblings["requirements"] = SiblingClient(
        name="requirements-svc",
        base_url=common_settings.requirements_url,
        settings=common_settings,
        caller="release-svc",
    )
    try:
        down = await client.patch(
            f"/v1/verifications/{vid}", json={"item_keys": ["PAY-1"]}, headers=auth("qa", "PAY")
        )
        assert down.status_code == 503
        # … while a re-run that keeps the links needs no check.
        rerun = await client.patch(
            f"/v1/verifications/{vid}",
            json={"result": "failed", "evidence": "again"},
            headers=auth("qa", "PAY"),
        )
        assert rerun.status_code == 200 and rerun.json()["item_keys"] == ["PAY-2"]
    finally:
        await siblings["requirements"].aclose()
        siblings["requirements"] = wired


async def test_a_failed_verification_fails_its_criteria(
    client, req, auth, make_token, release_db, common_settings
):
    crit = await backlog(req, auth)
    pay1_a, pay1_b = crit["PAY-1"]
    manual = crit["PAY-2"][0]
    r = await req.post(f"/v1/criteria/{pay1_b}/verify", json={"status": "passed"}, headers=auth("qa", "PAY"))
    assert r.status_code == 200
    r = await req.post(f"/v1/criteria/{manual}/verify", json={"status": "failed"}, headers=auth("qa", "PAY"))
    assert r.status_code == 200
    rid = await deploying_release(client, auth)
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        json={"scenario": "Wallet pay then refund", "result": "failed", "criterion_ids": [pay1_a, pay1_b]},
        headers=auth("qa", "PAY", sub="qa-lin"),
    )
    assert r.status_code == 201, r.text
    vid = r.json()["id"]
    events = await recorded_events(release_db)
    assert len(events) == 1 and events[0].subject == vid and events[0].data["result"] == "failed"
    url = f"{common_settings.release_url}/v1/verifications/{vid}"
    assert events[0].data["verification_url"] == url
    assert await deliver(req, make_token, events) == ["processed"]
    rows = await criteria_of(req, auth, "PAY-1")
    for cid in (pay1_a, pay1_b):
        assert rows[cid]["status"] == "failed", rows[cid]
        assert rows[cid]["evidence_url"] == url and rows[cid]["verified_by"] == "qa-lin"
    hist = (await req.get(f"/v1/criteria/{pay1_b}/history", headers=auth())).json()["items"]
    assert [h["action"] for h in hist] == ["create", "verify", "verify"] and hist[-1]["actor"] == "qa-lin"
    item = (await req.get("/v1/items/PAY-1", headers=auth())).json()
    assert item["acceptance"]["failed"] == 2
    # Redelivery: the same event is a duplicate; the same data under a new id writes nothing either.
    assert await deliver(req, make_token, events) == ["duplicate"]
    again = OutboxEvent(
        source=events[0].source, type=events[0].type, subject=vid, project_key="PAY", data=events[0].data
    )
    assert await deliver(req, make_token, [again]) == ["processed"]
    assert len((await req.get(f"/v1/criteria/{pay1_b}/history", headers=auth())).json()["items"]) == 3

    # The re-run passes: what this verification failed passes; a criterion failed by hand stays failed.
    r = await client.patch(
        f"/v1/verifications/{vid}",
        json={"result": "passed", "criterion_ids": [pay1_a, pay1_b, manual]},
        headers=auth("qa", "PAY", sub="qa-mo"),
    )
    assert r.status_code == 200, r.text
    events = await recorded_events(release_db)
    assert [e.data["result"] for e in events] == ["failed", "passed"]
    assert await deliver(req, make_token, events[1:]) == ["processed"]
    rows = await criteria_of(req, auth, "PAY-1")
    assert rows[pay1_a]["status"] == rows[pay1_b]["status"] == "passed"
    assert rows[pay1_a]["verified_by"] == "qa-mo"
    assert (await criteria_of(req, auth, "PAY-2"))[manual]["status"] == "failed"


async def test_a_passed_verification_passes_pending_criteria_only(client, req, auth, make_token, release_db):
    crit = await backlog(req, auth)
    pending, passed = crit["PAY-1"]
    await req.post(
        f"/v1/criteria/{passed}/verify",
        json={"status": "passed", "evidence_url": "https://ci.example.com/7"},
        headers=auth("qa", "PAY", sub="quinn"),
    )
    rid = await deploying_release(client, auth)
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        json={"scenario": "Wallet pay", "result": "passed", "criterion_ids": [pending, passed]},
        headers=auth("qa", "PAY", sub="qa-lin"),
    )
    assert r.status_code == 201
    blocked = await client.post(
        f"/v1/releases/{rid}/verifications",
        json={"scenario": "Refund", "result": "blocked", "criterion_ids": [crit["PAY-2"][0]]},
        headers=auth("qa", "PAY"),
    )
    assert blocked.status_code == 201
    assert await deliver(req, make_token, await recorded_events(release_db)) == ["processed", "processed"]
    rows = await criteria_of(req, auth, "PAY-1")
    assert rows[pending]["status"] == "passed" and rows[pending]["verified_by"] == "qa-lin"
    assert (
        rows[passed]["verified_by"] == "quinn" and rows[passed]["evidence_url"] == "https://ci.example.com/7"
    )
    assert (await criteria_of(req, auth, "PAY-2"))[crit["PAY-2"][0]]["status"] == "pending"


async def test_verification_only_while_deploying_or_verifying(client, auth):
    r = await client.post("/v1/projects/PAY/releases", json={"version": "1.0.0"}, headers=auth("tpm", "PAY"))
    rid = r.json()["id"]
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        headers=auth("qa", "PAY"),
        json={"scenario": "x", "result": "passed"},
    )
    assert r.status_code == 409 and r.json()["state"] == "draft"


@pytest.mark.parametrize(
    "body",
    [
        {"scenario": "", "result": "passed"},
        {"scenario": "x", "result": "meh"},
        {"scenario": "x", "result": "passed", "criterion_ids": ["not-a-uuid"]},
        {"scenario": "x", "result": "passed", "item_keys": ["pay-1"]},
        {"scenario": "x", "result": "passed", "evidence_url": "javascript:alert(1)"},
        {"scenario": "x", "result": "passed", "extra": 1},
    ],
)
async def test_bad_verification_is_422_and_nothing_written(client, auth, body):
    rid = await deploying_release(client, auth)
    r = await client.post(f"/v1/releases/{rid}/verifications", json=body, headers=auth("qa", "PAY"))
    assert r.status_code == 422
    assert (await client.get(f"/v1/releases/{rid}/verifications", headers=auth())).json()["items"] == []


async def test_verification_roles(client, auth):
    rid = await deploying_release(client, auth)
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        headers=auth("viewer", "PAY"),
        json={"scenario": "x", "result": "passed"},
    )
    assert r.status_code == 403
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        headers=auth("qa", "OPS"),
        json={"scenario": "x", "result": "passed"},
    )
    assert r.status_code == 404
