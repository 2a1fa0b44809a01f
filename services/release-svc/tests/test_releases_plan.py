"""Release plans: the deploy DAG, PATCH with If-Match, approvals N-of-M, the state machine actions, and
going back to review when the plan changes after approval."""

from datetime import UTC, datetime

import pytest
from release_svc.releases import service
from release_svc.releases.handlers import HANDLERS
from release_svc.releases.models import Release
from sqlalchemy import func, select
from tpmhub_shared.contracts import ReleaseReleased
from tpmhub_shared.db import Database
from tpmhub_shared.events import CloudEvent, OutboxEvent

STEPS = [
    {
        "name": "migrate-ledger",
        "component": "ledger",
        "kind": "migration",
        "rollback": "alembic downgrade -1",
    },
    {"name": "deploy-ledger", "component": "ledger", "kind": "deploy", "depends_on": ["migrate-ledger"]},
    {"name": "deploy-api", "component": "api", "kind": "deploy", "depends_on": ["deploy-ledger"]},
    {"name": "flag-on", "component": "api", "kind": "flag", "depends_on": ["deploy-api", "deploy-ledger"]},
    {"name": "config-cdn", "component": "cdn", "kind": "config"},
]


async def make_release(client, auth, **body):
    payload = {"version": "1.0.0", "approvers": ["carol", "dave", "erin"], "required_approvals": 2, **body}
    r = await client.post("/v1/projects/PAY/releases", json=payload, headers=auth("tpm", "PAY"))
    assert r.status_code == 201, r.text
    return r.json()


async def approve(client, auth, rid, *approvers):
    for who in approvers:
        r = await client.post(
            f"/v1/releases/{rid}/approvals",
            json={"decision": "approve"},
            headers=auth("engineer", "PAY", sub=who),
        )
        assert r.status_code == 201, r.text
    return r.json()


async def count_rows(client, model) -> int:
    db = Database(client._transport.app.state.settings.database_url)
    try:
        async with db.session(write=False) as s:
            return (await s.execute(select(func.count()).select_from(model))).scalar_one()
    finally:
        await db.dispose()


async def test_plan_topological_and_rollback_order(client, auth):
    release = await make_release(client, auth, steps=STEPS)
    r = await client.get(f"/v1/releases/{release['id']}/plan", headers=auth("viewer", "PAY"))
    assert r.status_code == 200, r.text
    plan = r.json()
    order = [s["name"] for s in plan["order"]]
    assert order == ["migrate-ledger", "config-cdn", "deploy-ledger", "deploy-api", "flag-on"]
    assert [s["level"] for s in plan["order"]] == [0, 0, 1, 2, 3]
    assert [s["name"] for s in plan["rollback_order"]] == list(reversed(order))
    assert plan["components"] == ["api", "cdn", "ledger"]
    for step in STEPS:
        for dep in step.get("depends_on", []):
            assert order.index(dep) < order.index(step["name"])


async def test_cycle_is_422_naming_it_and_nothing_written(client, auth):
    steps = [
        {"name": "a", "component": "x", "kind": "deploy", "depends_on": ["c"]},
        {"name": "b", "component": "x", "kind": "deploy", "depends_on": ["a"]},
        {"name": "c", "component": "x", "kind": "deploy", "depends_on": ["b"]},
        {"name": "d", "component": "x", "kind": "deploy"},
    ]
    r = await client.post(
        "/v1/projects/PAY/releases", json={"version": "1.0.0", "steps": steps}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 422, r.text
    body = r.json()
    assert sorted(body["cycle"]) == ["a", "b", "c"]
    assert "cycle" in body["detail"] and all(n in body["detail"] for n in "abc")
    assert await count_rows(client, Release) == 0


async def test_self_dependency_is_a_cycle(client, auth):
    steps = [{"name": "a", "component": "x", "kind": "deploy", "depends_on": ["a"]}]
    r = await client.post(
        "/v1/projects/PAY/releases", json={"version": "1.0.0", "steps": steps}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 422 and r.json()["cycle"] == ["a"]


async def test_unknown_dependency_and_duplicate_names_are_422(client, auth):
    steps = [{"name": "a", "component": "x", "kind": "deploy", "depends_on": ["ghost"]}]
    r = await client.post(
        "/v1/projects/PAY/releases", json={"version": "1.0.0", "steps": steps}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 422
    assert r.json()["unknown_dependencies"] == [{"step": "a", "depends_on": "ghost"}]
    assert r.json()["errors"][0]["loc"] == "body.steps.0.depends_on"
    dup = [
        {"name": "a", "component": "x", "kind": "deploy"},
        {"name": "a", "component": "y", "kind": "deploy"},
    ]
    r = await client.post(
        "/v1/projects/PAY/releases", json={"version": "1.0.0", "steps": dup}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 422 and r.json()["duplicate_steps"] == ["a"]
    assert await count_rows(client, Release) == 0


@pytest.mark.parametrize(
    "body",
    [
        {"steps": [{"name": "m", "component": "db", "kind": "migration"}]},  # migration without rollback
        {"steps": [{"name": "m", "component": "db", "kind": "teleport"}]},
        {"steps": [{"name": "m", "component": "db", "kind": "deploy", "surprise": 1}]},
        {"approvers": ["carol", "carol"]},
        {"required_approvals": 0},
        {"scope": ["not-a-key"]},
        {"unknown_field": True},
    ],
)
async def test_bad_plan_input_is_422(client, auth, body):
    r = await client.post(
        "/v1/projects/PAY/releases", json={"version": "1.0.0", **body}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")


async def test_patch_with_if_match(client, auth):
    release = await make_release(client, auth)
    rid = release["id"]
    r = await client.patch(
        f"/v1/releases/{rid}", json={"name": "Wallet"}, headers={**auth("tpm", "PAY"), "If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    assert r.json()["name"] == "Wallet" and r.headers["etag"] == '"2"'
    stale = await client.patch(
        f"/v1/releases/{rid}", json={"name": "Other"}, headers={**auth("tpm", "PAY"), "If-Match": '"1"'}
    )
    assert stale.status_code == 412
    got = (await client.get(f"/v1/releases/{rid}", headers=auth("viewer", "PAY"))).json()
    assert got["name"] == "Wallet"
    cyc = await client.patch(
        f"/v1/releases/{rid}",
        json={"steps": [{"name": "a", "component": "x", "kind": "deploy", "depends_on": ["a"]}]},
        headers=auth("tpm", "PAY"),
    )
    assert cyc.status_code == 422
    assert (
        await client.patch(f"/v1/releases/{rid}", json={"name": "x"}, headers=auth("engineer", "PAY"))
    ).status_code == 403
    assert (
        await client.patch(f"/v1/releases/{rid}", json={"approvers": None}, headers=auth("tpm", "PAY"))
    ).status_code == 422


async def test_state_actions_and_409_with_allowed(client, auth):
    release = await make_release(client, auth)
    rid = release["id"]
    r = await client.post(f"/v1/releases/{rid}/start-deploy", headers=auth("tpm", "PAY"))
    assert r.status_code == 409
    body = r.json()
    assert body["allowed_actions"] == ["cancel", "submit"] and body["state"] == "draft"
    r = await client.post(f"/v1/releases/{rid}/submit", json={"reason": "ready"}, headers=auth("tpm", "PAY"))
    assert r.status_code == 200 and r.json()["status"] == "in_review" and r.json()["review_round"] == 1
    # Engineers may not submit or cancel; a CI token may not approve by action (approvals are by approvers).
    assert (
        await client.post(f"/v1/releases/{rid}/cancel", headers=auth("engineer", "PAY"))
    ).status_code == 403
    await approve(client, auth, rid, "carol")
    assert (await client.get(f"/v1/releases/{rid}", headers=auth())).json()["status"] == "in_review"
    state = await approve(client, auth, rid, "dave")
    assert state["status"] == "approved" and sorted(state["approved_by"]) == ["carol", "dave"]
    assert state["pending"] == ["erin"]
    for path, expected in [
        ("start-deploy", "deploying"),
        ("start-verification", "verifying"),
        ("mark-released", "released"),
    ]:
        r = await client.post(
            f"/v1/releases/{rid}/{path}", headers=auth("ci" if path != "mark-released" else "qa", "PAY")
        )
        assert r.status_code == 200, r.text
        assert r.json()["status"] == expected
    r = await client.post(f"/v1/releases/{rid}/roll-back", headers=auth("tpm", "PAY"))
    assert r.status_code == 409 and r.json()["allowed_actions"] == []
    hist = (await client.get(f"/v1/releases/{rid}/history", headers=auth())).json()["items"]
    assert [h["action"] for h in hist if h["action"] not in ("create", "review_approve")] == [
        "submit",
        "approve",
        "start_deploy",
        "start_verification",
        "mark_released",
    ]
    db = Database(client._transport.app.state.settings.database_url)
    try:
        async with db.session(write=False) as s:
            types = [
                e.type for e in (await s.execute(select(OutboxEvent).order_by(OutboxEvent.id))).scalars()
            ]
            released = (
                await s.execute(select(OutboxEvent).where(OutboxEvent.type == "release.released"))
            ).scalar_one()
    finally:
        await db.dispose()
    assert types == [
        "release.in_review",
        "release.approved",
        "release.deploying",
        "release.verifying",
        "release.released",
    ]
    assert released.data["items"] == [] and released.data["version"] == "1.0.0"
    contract = ReleaseReleased.model_validate(released.data)  # the shared event contract
    assert str(contract.release_id) == rid and contract.project_key == "PAY"


async def test_approval_rules(client, auth):
    release = await make_release(client, auth)
    rid = release["id"]
    # Not in review yet.
    r = await client.post(
        f"/v1/releases/{rid}/approvals",
        json={"decision": "approve"},
        headers=auth("engineer", "PAY", sub="carol"),
    )
    assert r.status_code == 409 and r.json()["allowed_actions"] == ["cancel", "submit"]
    await client.post(f"/v1/releases/{rid}/submit", headers=auth("tpm", "PAY"))
    # Not a listed approver, even as admin.
    r = await client.post(
        f"/v1/releases/{rid}/approvals",
        json={"decision": "approve"},
        headers=auth("admin", "PAY", sub="mallory"),
    )
    assert r.status_code == 403
    await approve(client, auth, rid, "carol")
    again = await client.post(
        f"/v1/releases/{rid}/approvals",
        json={"decision": "approve"},
        headers=auth("engineer", "PAY", sub="carol"),
    )
    assert again.status_code == 409
    bad = await client.post(
        f"/v1/releases/{rid}/approvals",
        json={"decision": "maybe"},
        headers=auth("engineer", "PAY", sub="dave"),
    )
    assert bad.status_code == 422
    # One rejection sends it back to draft; a new submit starts a new round without old approvals.
    r = await client.post(
        f"/v1/releases/{rid}/approvals",
        json={"decision": "reject", "comment": "no rollback"},
        headers=auth("engineer", "PAY", sub="dave"),
    )
    assert r.status_code == 201 and r.json()["status"] == "draft"
    await client.post(f"/v1/releases/{rid}/submit", headers=auth("tpm", "PAY"))
    state = (await client.get(f"/v1/releases/{rid}/approvals", headers=auth("viewer", "PAY"))).json()
    assert state["review_round"] == 2 and state["approved_by"] == [] and state["status"] == "in_review"


async def test_submit_needs_enough_approvers(client, auth):
    release = await make_release(client, auth, approvers=["carol"], required_approvals=2)
    r = await client.post(f"/v1/releases/{release['id']}/submit", headers=auth("tpm", "PAY"))
    assert r.status_code == 409 and "2 approver" in r.json()["detail"]


async def test_plan_change_after_approval_goes_back_to_review(client, auth):
    release = await make_release(client, auth, steps=STEPS[:2])
    rid = release["id"]
    await client.post(f"/v1/releases/{rid}/submit", headers=auth("tpm", "PAY"))
    await approve(client, auth, rid, "carol", "dave")
    # A name change keeps the approval.
    r = await client.patch(f"/v1/releases/{rid}", json={"name": "renamed"}, headers=auth("tpm", "PAY"))
    assert r.json()["status"] == "approved"
    # Sending the same steps again is not a change.
    r = await client.patch(f"/v1/releases/{rid}", json={"steps": STEPS[:2]}, headers=auth("tpm", "PAY"))
    assert r.json()["status"] == "approved"
    r = await client.patch(f"/v1/releases/{rid}", json={"steps": STEPS}, headers=auth("tpm", "PAY"))
    assert r.status_code == 200 and r.json()["status"] == "in_review" and r.json()["review_round"] == 2
    state = (await client.get(f"/v1/releases/{rid}/approvals", headers=auth())).json()
    assert state["approved_by"] == [] and sorted(state["pending"]) == ["carol", "dave", "erin"]
    hist = (await client.get(f"/v1/releases/{rid}/history", headers=auth())).json()["items"]
    assert hist[-1]["action"] == "reopen_review" and "steps" in hist[-1]["note"]


async def test_plan_frozen_once_deploying(client, auth):
    release = await make_release(client, auth, approvers=["carol"], required_approvals=1)
    rid = release["id"]
    await client.post(f"/v1/releases/{rid}/submit", headers=auth("tpm", "PAY"))
    await approve(client, auth, rid, "carol")
    await client.post(f"/v1/releases/{rid}/start-deploy", headers=auth("ci", "PAY"))
    r = await client.patch(f"/v1/releases/{rid}", json={"steps": STEPS}, headers=auth("tpm", "PAY"))
    assert r.status_code == 409 and r.json()["state"] == "deploying"
    assert (await client.get(f"/v1/releases/{rid}/plan", headers=auth())).json()["order"] == []


async def test_change_request_handler_reopens_approved_releases(client, auth):
    db = Database(client._transport.app.state.settings.database_url)
    try:
        async with db.session() as s:
            made = {}
            for version, scope, status in [
                ("1.0.0", ["PAY-1", "PAY-2"], "approved"),
                ("1.1.0", ["PAY-3"], "approved"),
                ("1.2.0", ["PAY-2"], "deploying"),
                ("1.3.0", ["PAY-2"], "draft"),
            ]:
                release = Release(
                    project_key="PAY",
                    semver=version,
                    created_by="tom",
                    scope=scope,
                    status=status,
                    approvers=["carol"],
                )
                s.add(release)
                await s.flush()
                await service._replace_scope_rows(s, release, scope)
                made[version] = release.id
            await s.commit()
        event = CloudEvent(
            id="ev-1",
            source="/tpmhub/requirements-svc",
            type="change_request.approved",
            subject="PAY-CR3",
            time=datetime.now(UTC),
            data={
                "change_request_id": "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11",
                "key": "PAY-CR3",
                "project_key": "PAY",
                "title": "Add refunds",
                "affected_items": ["PAY-2", "PAY-9"],
                "approved_by": "pam",
                "approved_at": "2026-11-22T05:00:00Z",
            },
        )
        handler = HANDLERS["change_request.approved"]
        for _ in range(2):  # redelivery changes nothing more
            async with db.session() as s:
                await handler(s, event)
                await s.commit()
        async with db.session(write=False) as s:
            status = {v: (await s.get(Release, rid)).status for v, rid in made.items()}
            reopened = (
                (await s.execute(select(OutboxEvent).where(OutboxEvent.type == "release.in_review")))
                .scalars()
                .all()
            )
    finally:
        await db.dispose()
    assert status == {"1.0.0": "in_review", "1.1.0": "approved", "1.2.0": "deploying", "1.3.0": "draft"}
    assert len(reopened) == 1
    assert reopened[0].data["change_request"] == "PAY-CR3" and reopened[0].data["affected_items"] == ["PAY-2"]
    hist = (await client.get(f"/v1/releases/{made['1.0.0']}/history", headers=auth())).json()["items"]
    assert hist[-1]["action"] == "reopen_review" and hist[-1]["actor"] == "pam"
    assert "PAY-CR3" in hist[-1]["note"]
