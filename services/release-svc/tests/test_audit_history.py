"""Every record has its audit trail: checklist items, verifications, deployments and freeze windows keep
a history (who, when, what: each field before and after) on every path that changes them — HTTP routes
and CI webhooks — readable at `…/history` with the same pagination and the same 404s as the resource."""

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from test_webhooks import fixture, github_headers, make_source, standard_headers

EVIDENCE = "https://grafana.example.com/d/load"


def iso(dt: datetime) -> str:
    return dt.isoformat().replace("+00:00", "Z")


def at(entry: dict) -> datetime:
    return datetime.fromisoformat(entry["at"].replace("Z", "+00:00"))


async def history(client, auth, url: str, **params) -> list[dict]:
    """All entries of a history route, page by page (two per page, so the cursor is used)."""
    entries, cursor = [], None
    while True:
        query = {"limit": 2, **params, **({"cursor": cursor} if cursor else {})}
        r = await client.get(f"{url}/history", params=query, headers=auth("viewer", "PAY"))
        assert r.status_code == 200, r.text
        page = r.json()
        assert set(page) == {"items", "next_cursor"}
        entries += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return entries


def changed(entry: dict) -> dict[str, tuple]:
    return {c["field"]: (c["before"], c["after"]) for c in entry["changes"]}


def check_entry(entry: dict, *, resource_type: str, resource_id: str, action: str, actor: str, since):
    assert entry["resource_type"] == resource_type and entry["resource_id"] == resource_id
    assert entry["action"] == action and entry["actor"] == actor
    assert since - timedelta(seconds=5) <= at(entry) <= datetime.now(UTC) + timedelta(seconds=5)


async def release_in(client, auth, version="1.0.0", project="PAY", state="draft", repository=None) -> str:
    r = await client.post(
        f"/v1/projects/{project}/releases",
        json={"version": version, "approvers": ["carol"], "repository": repository},
        headers=auth("tpm", project),
    )
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    if state in ("approved", "deploying"):
        assert (await client.post(f"/v1/releases/{rid}/submit", headers=auth("tpm", project))).is_success
        r = await client.post(
            f"/v1/releases/{rid}/approvals",
            json={"decision": "approve"},
            headers=auth("engineer", project, sub="carol"),
        )
        assert r.status_code == 201, r.text
    if state == "deploying":
        r = await client.post(f"/v1/releases/{rid}/start-deploy", headers=auth("ci", project))
        assert r.json()["status"] == "deploying", r.text
    return rid


async def assert_problem(r, status: int) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["status"] == status


async def assert_hidden(client, auth, url: str, project="PAY") -> None:
    """A history route of a resource: 401 without a token, 404 for a caller without a role on its
    project (as for a missing id), 200 for a viewer."""
    await assert_problem(await client.get(f"{url}/history"), 401)
    other = await client.get(f"{url}/history", headers=auth("admin", "OPS" if project == "PAY" else "PAY"))
    await assert_problem(other, 404)
    assert (await client.get(f"{url}/history", headers=auth("viewer", project))).status_code == 200


# ---- checklist items ------------------------------------------------------------------------------------


async def test_checklist_item_every_change_is_in_its_history(client, auth):
    since = datetime.now(UTC)
    rid = await release_in(client, auth)
    seeded = (await client.get(f"/v1/releases/{rid}/checklist", headers=auth())).json()[0]
    assert seeded["done_by"] is None and seeded["done_at"] is None
    base = f"/v1/releases/{rid}/checklist/{seeded['id']}"
    [created] = await history(client, auth, base)
    check_entry(
        created,
        resource_type="checklist_item",
        resource_id=seeded["id"],
        action="create",
        actor="alice",
        since=since,
    )
    assert changed(created)["title"] == (None, "Pressure test") and "seeded" in created["note"]

    r = await client.post(
        f"/v1/releases/{rid}/checklist",
        json={"title": "Partner sign-off"},
        headers=auth("pm", "PAY", sub="pat"),
    )
    assert r.status_code == 201
    added = r.json()
    [add] = await history(client, auth, f"/v1/releases/{rid}/checklist/{added['id']}")
    check_entry(
        add,
        resource_type="checklist_item",
        resource_id=added["id"],
        action="create",
        actor="pat",
        since=since,
    )
    assert changed(add)["title"] == (None, "Partner sign-off")

    async def patch(body, sub, role="qa"):
        r = await client.patch(base, json=body, headers=auth(role, "PAY", sub=sub))
        assert r.status_code == 200, r.text
        return r.json()

    await patch({"owner": "perf-team"}, "olga", role="tpm")
    before_tick = datetime.now(UTC)
    ticked = await patch({"status": "done", "evidence_url": EVIDENCE}, "quinn")
    assert ticked["done_by"] == "quinn"
    done_at = datetime.fromisoformat(ticked["done_at"].replace("Z", "+00:00"))
    assert before_tick - timedelta(seconds=1) <= done_at <= datetime.now(UTC)
    # More evidence on a done item keeps who ticked it and when.
    kept = await patch({"evidence_url": EVIDENCE + "?v=2", "note": "rerun at 3x"}, "rita")
    assert kept["done_by"] == "quinn" and kept["done_at"] == ticked["done_at"]
    got = (await client.get(f"/v1/releases/{rid}/checklist", headers=auth())).json()[0]
    assert got["done_by"] == "quinn" and got["done_at"] == ticked["done_at"]
    unticked = await patch({"status": "pending"}, "sam")
    assert unticked["done_by"] is None and unticked["done_at"] is None
    await patch({"status": "failed"}, "sam")
    await patch({"status": "waived"}, "tina", role="tpm")
    await patch({"status": "pending"}, "tina", role="tpm")
    # Refused changes write nothing.
    no_evidence = await client.patch(
        f"/v1/releases/{rid}/checklist/{added['id']}", json={"status": "done"}, headers=auth("qa", "PAY")
    )
    await assert_problem(no_evidence, 422)
    await assert_problem(await client.patch(base, json={"status": "waived"}, headers=auth("qa", "PAY")), 403)
    await assert_problem(
        await client.patch(base, json={"note": "x"}, headers={**auth("tpm", "PAY"), "If-Match": '"1"'}), 412
    )
    assert len(await history(client, auth, f"/v1/releases/{rid}/checklist/{added['id']}")) == 1

    entries = await history(client, auth, base)
    assert [(e["action"], e["actor"]) for e in entries] == [
        ("create", "alice"),
        ("update", "olga"),
        ("tick", "quinn"),
        ("update", "rita"),
        ("untick", "sam"),
        ("fail", "sam"),
        ("waive", "tina"),
        ("reset", "tina"),
    ]
    for e in entries:
        check_entry(
            e,
            resource_type="checklist_item",
            resource_id=seeded["id"],
            action=e["action"],
            actor=e["actor"],
            since=since,
        )
    assert [at(e) for e in entries] == sorted(at(e) for e in entries)
    _, owner, tick, evidence, untick, fail, waive, reset = (changed(e) for e in entries)
    assert owner == {"owner": (None, "perf-team")}
    assert tick["status"] == ("pending", "done") and tick["evidence_url"] == (None, EVIDENCE)
    assert tick["done_by"] == (None, "quinn") and tick["done_at"] == (None, tick["done_at"][1])
    assert datetime.fromisoformat(tick["done_at"][1]) == done_at
    assert evidence == {"evidence_url": (EVIDENCE, EVIDENCE + "?v=2"), "note": ("", "rerun at 3x")}
    assert untick["status"] == ("done", "pending") and untick["done_by"] == ("quinn", None)
    assert untick["done_at"][1] is None and untick["done_at"][0] is not None
    assert fail == {"status": ("pending", "failed")} and waive == {"status": ("failed", "waived")}
    assert reset == {"status": ("waived", "pending")}
    # The release's own history keeps working (and holds no item changes).
    release_entries = await history(client, auth, f"/v1/releases/{rid}")
    assert [e["action"] for e in release_entries] == ["create"]
    assert {e["resource_type"] for e in release_entries} == {"release"}


async def test_ci_webhook_tick_is_in_the_item_history_with_the_ci_source_as_actor(client, auth):
    await make_source(
        client,
        auth,
        "github",
        "octo-org/octo-repo",
        name="Octo CI",
        checklist_rules=[{"workflow": "*", "checklist_code": "pressure_test"}],
    )
    rid = await release_in(client, auth, repository="octo-org/octo-repo")
    since = datetime.now(UTC)
    raw = fixture("github/workflow_run.completed.json")
    r = await client.post("/v1/webhooks/github", content=raw, headers=github_headers(raw, "workflow_run"))
    assert r.status_code == 200 and r.json()["checklist_ticked"] == 1, r.text
    [item] = [
        i
        for i in (await client.get(f"/v1/releases/{rid}/checklist", headers=auth())).json()
        if i["code"] == "pressure_test"
    ]
    actor = "ci:github:octo-org/octo-repo"
    assert item["status"] == "done" and item["done_by"] == actor and item["done_at"] is not None
    create, tick = await history(client, auth, f"/v1/releases/{rid}/checklist/{item['id']}")
    check_entry(
        tick, resource_type="checklist_item", resource_id=item["id"], action="tick", actor=actor, since=since
    )
    assert tick["actor_name"] == "Octo CI"
    url = json.loads(raw)["workflow_run"]["html_url"]
    assert changed(tick)["status"] == ("pending", "done") and changed(tick)["evidence_url"] == (None, url)
    assert changed(tick)["done_by"] == (None, actor) and "succeeded" in changed(tick)["note"][1]


async def test_checklist_item_history_404s(client, auth):
    rid = await release_in(client, auth)
    other = await release_in(client, auth, "2.0.0")
    ops = await release_in(client, auth, "1.0.0", project="OPS")
    item = (await client.get(f"/v1/releases/{rid}/checklist", headers=auth())).json()[0]
    ops_item = (await client.get(f"/v1/releases/{ops}/checklist", headers=auth())).json()[0]
    await assert_hidden(client, auth, f"/v1/releases/{rid}/checklist/{item['id']}")
    # The item of another release, of another project, or ids that do not exist.
    for url in (
        f"/v1/releases/{other}/checklist/{item['id']}/history",
        f"/v1/releases/{rid}/checklist/{uuid.uuid4()}/history",
        f"/v1/releases/{uuid.uuid4()}/checklist/{item['id']}/history",
        f"/v1/releases/{ops}/checklist/{ops_item['id']}/history",
    ):
        await assert_problem(await client.get(url, headers=auth("viewer", "PAY")), 404)
    await assert_problem(
        await client.get(f"/v1/releases/{rid}/checklist/not-an-id/history", headers=auth()), 422
    )
    await assert_problem(
        await client.get(
            f"/v1/releases/{rid}/checklist/{item['id']}/history", params={"limit": 0}, headers=auth()
        ),
        422,
    )
    await assert_problem(
        await client.get(
            f"/v1/releases/{rid}/checklist/{item['id']}/history", params={"cursor": "junk"}, headers=auth()
        ),
        400,  # a cursor the service did not issue
    )


# ---- verifications --------------------------------------------------------------------------------------


async def test_verification_every_change_is_in_its_history(client, auth):
    rid = await release_in(client, auth, state="deploying")
    since = datetime.now(UTC)
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        json={"scenario": "Pay 0.01 CNY, then refund", "result": "failed", "evidence": "refund stuck"},
        headers=auth("qa", "PAY", sub="lin"),
    )
    assert r.status_code == 201, r.text
    v = r.json()
    url = f"/v1/verifications/{v['id']}"
    r = await client.patch(
        url,
        json={"result": "passed", "evidence": "refund ok"},
        headers={**auth("ci", "PAY", sub="ci-bot"), "If-Match": r.headers["etag"]},
    )
    assert r.status_code == 200, r.text
    # Refused: a stale If-Match, an unknown result.
    await assert_problem(
        await client.patch(url, json={"result": "failed"}, headers={**auth("qa", "PAY"), "If-Match": '"1"'}),
        412,
    )
    await assert_problem(await client.patch(url, json={"result": "meh"}, headers=auth("qa", "PAY")), 422)
    create, update = await history(client, auth, url)
    check_entry(
        create, resource_type="verification", resource_id=v["id"], action="create", actor="lin", since=since
    )
    assert changed(create)["result"] == (None, "failed") and changed(create)["verified_by"] == (None, "lin")
    check_entry(
        update,
        resource_type="verification",
        resource_id=v["id"],
        action="update",
        actor="ci-bot",
        since=since,
    )
    assert changed(update)["result"] == ("failed", "passed")
    assert changed(update)["evidence"] == ("refund stuck", "refund ok")
    assert changed(update)["verified_by"] == ("lin", "ci-bot")
    assert at(update) >= at(create)


async def test_verification_history_404s(client, auth):
    rid = await release_in(client, auth, state="deploying")
    r = await client.post(
        f"/v1/releases/{rid}/verifications",
        json={"scenario": "s", "result": "passed"},
        headers=auth("qa", "PAY"),
    )
    await assert_hidden(client, auth, f"/v1/verifications/{r.json()['id']}")
    await assert_problem(await client.get(f"/v1/verifications/{uuid.uuid4()}/history", headers=auth()), 404)
    await assert_problem(await client.get("/v1/verifications/x/history", headers=auth()), 422)


# ---- deployments ----------------------------------------------------------------------------------------


async def test_deployment_every_change_is_in_its_history(client, auth):
    since = datetime.now(UTC)
    started = datetime.now(UTC) - timedelta(hours=1)
    r = await client.post(
        "/v1/projects/PAY/deployments",
        json={"environment": "production", "commit_sha": "abcdef1", "started_at": iso(started)},
        headers=auth("engineer", "PAY", sub="erin"),
    )
    assert r.status_code == 201, r.text
    dep = r.json()
    url = f"/v1/deployments/{dep['id']}"
    r = await client.patch(
        url,
        json={"status": "failed", "finished_at": iso(started + timedelta(minutes=5))},
        headers=auth("ci", "PAY", sub="ci-bot"),
    )
    assert r.status_code == 200, r.text
    restored = started + timedelta(minutes=30)
    r = await client.patch(url, json={"restored_at": iso(restored)}, headers=auth("tpm", "PAY", sub="tom"))
    assert r.status_code == 200, r.text
    # Refused: restored before it finished.
    await assert_problem(
        await client.patch(
            url, json={"restored_at": iso(started - timedelta(days=1))}, headers=auth("tpm", "PAY")
        ),
        422,
    )
    create, finish, restore = await history(client, auth, url)
    check_entry(
        create, resource_type="deployment", resource_id=dep["id"], action="create", actor="erin", since=since
    )
    assert changed(create)["status"] == (None, "in_progress") and changed(create)["source"] == (None, "api")
    check_entry(
        finish,
        resource_type="deployment",
        resource_id=dep["id"],
        action="update",
        actor="ci-bot",
        since=since,
    )
    assert changed(finish)["status"] == ("in_progress", "failed")
    assert changed(finish)["finished_at"][0] is None
    check_entry(
        restore, resource_type="deployment", resource_id=dep["id"], action="update", actor="tom", since=since
    )
    assert changed(restore)["restored_at"][0] is None
    assert datetime.fromisoformat(changed(restore)["restored_at"][1]) == restored
    assert changed(restore)["restore_seconds"] == (None, 25 * 60)


async def test_deployment_recorded_by_ci_webhook_is_in_its_history(client, auth):
    source = await make_source(client, auth, "generic", "acme/payments", name="Payments CI")
    rid = await release_in(client, auth, "5.0.0", state="approved")
    since = datetime.now(UTC)
    event = {
        "type": "deployment",
        "repository": "acme/payments",
        "run_id": "deploy-9",
        "status": "success",
        "environment": "production",
        "sha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
        "release_version": "5.0.0",
        "started_at": "2026-11-22T04:00:00Z",
        "finished_at": "2026-11-22T04:05:00Z",
    }
    raw = json.dumps(event).encode()
    r = await client.post("/v1/webhooks/ci", content=raw, headers=standard_headers(source["secret"], raw))
    assert r.status_code == 200 and r.json()["deployments"] == 1, r.text
    [dep] = (await client.get("/v1/projects/PAY/deployments", headers=auth())).json()["items"]
    [create] = await history(client, auth, f"/v1/deployments/{dep['id']}")
    actor = "ci:generic:acme/payments"
    check_entry(
        create, resource_type="deployment", resource_id=dep["id"], action="create", actor=actor, since=since
    )
    assert create["actor_name"] == "Payments CI"
    assert changed(create)["source"] == (None, "generic") and changed(create)["release_id"] == (None, rid)
    assert changed(create)["commit_sha"] == (None, event["sha"])
    # The release it moved records the CI source too.
    moves = [e for e in await history(client, auth, f"/v1/releases/{rid}") if e["actor"] == actor]
    assert [e["action"] for e in moves] == ["start_deploy", "start_verification"]


async def test_deployment_history_404s(client, auth):
    r = await client.post(
        "/v1/projects/PAY/deployments",
        json={"environment": "production", "commit_sha": "abcdef1"},
        headers=auth("ci", "PAY"),
    )
    assert r.status_code == 201, r.text
    await assert_hidden(client, auth, f"/v1/deployments/{r.json()['id']}")
    await assert_problem(await client.get(f"/v1/deployments/{uuid.uuid4()}/history", headers=auth()), 404)
    await assert_problem(await client.get("/v1/deployments/42/history", headers=auth()), 422)


# ---- freeze windows -------------------------------------------------------------------------------------


async def freeze_window(client, auth, project="PAY") -> dict:
    now = datetime.now(UTC)
    r = await client.post(
        f"/v1/projects/{project}/freeze-windows",
        json={
            "name": "Singles' Day",
            "reason": "peak",
            "starts_at": iso(now - timedelta(hours=1)),
            "ends_at": iso(now + timedelta(days=1)),
            "environments": ["production"],
        },
        headers=auth("tpm", project, sub="fay"),
    )
    assert r.status_code == 201, r.text
    return r.json()


async def test_freeze_window_every_change_is_in_its_history_even_after_deletion(client, auth):
    since = datetime.now(UTC)
    window = await freeze_window(client, auth)
    url = f"/v1/freeze-windows/{window['id']}"
    one = await release_in(client, auth, "1.0.0")
    two = await release_in(client, auth, "2.0.0")
    exceptions = []
    for rid in (one, two):
        r = await client.post(
            f"/v1/releases/{rid}/freeze-exceptions",
            json={"freeze_window_id": window["id"], "reason": "hotfix"},
            headers=auth("engineer", "PAY", sub="eve"),
        )
        assert r.status_code == 201, r.text
        exceptions.append(r.json()["id"])
    r = await client.post(
        f"/v1/freeze-exceptions/{exceptions[0]}/approve",
        json={"note": "go"},
        headers=auth("tpm", "PAY", sub="tina"),
    )
    assert r.status_code == 200, r.text
    r = await client.post(
        f"/v1/freeze-exceptions/{exceptions[1]}/reject", headers=auth("admin", "PAY", sub="ann")
    )
    assert r.status_code == 200, r.text
    # Refused: deciding twice, deleting without the role.
    await assert_problem(
        await client.post(
            f"/v1/freeze-exceptions/{exceptions[0]}/reject", headers=auth("tpm", "PAY", sub="tina")
        ),
        409,
    )
    await assert_problem(await client.delete(url, headers=auth("qa", "PAY")), 403)
    assert (await client.delete(url, headers=auth("pm", "PAY", sub="paul"))).status_code == 204

    entries = await history(client, auth, url)
    assert [(e["action"], e["actor"]) for e in entries] == [
        ("create", "fay"),
        ("exception_requested", "eve"),
        ("exception_requested", "eve"),
        ("exception_approved", "tina"),
        ("exception_rejected", "ann"),
        ("delete", "paul"),
    ]
    for e in entries:
        check_entry(
            e,
            resource_type="freeze_window",
            resource_id=window["id"],
            action=e["action"],
            actor=e["actor"],
            since=since,
        )
    create, asked, _, approved, rejected, deleted = entries
    assert changed(create)["name"] == (None, "Singles' Day")
    assert changed(create)["environments"] == (None, ["production"])
    before, after = changed(asked)["exception"]
    assert before is None and after["release_id"] == one and after["status"] == "requested"
    assert after["id"] == exceptions[0] and after["requested_by"] == "eve"
    before, after = changed(approved)["exception"]
    assert before["status"] == "requested" and after["status"] == "approved" and after["decided_by"] == "tina"
    assert after["decision_note"] == "go" and approved["note"] == "go"
    assert changed(rejected)["exception"][1]["status"] == "rejected"
    assert changed(deleted)["name"] == ("Singles' Day", None)
    assert [e["status"] for e in changed(deleted)["exceptions"][0]] == ["approved", "rejected"]
    assert "2 freeze exception(s)" in deleted["note"]
    # Still hidden from other projects once deleted, and a window that never existed is missing.
    await assert_hidden(client, auth, url)
    await assert_problem(await client.get(f"/v1/freeze-windows/{uuid.uuid4()}/history", headers=auth()), 404)
    await assert_problem(await client.get("/v1/freeze-windows/nope/history", headers=auth()), 422)
    # The releases' histories keep their exception entries.
    assert "freeze_exception_approved" in [
        e["action"] for e in await history(client, auth, f"/v1/releases/{one}")
    ]


async def test_freeze_window_of_another_project_is_404(client, auth):
    window = await freeze_window(client, auth, project="OPS")
    await assert_hidden(client, auth, f"/v1/freeze-windows/{window['id']}", project="OPS")


@pytest.mark.parametrize(
    ("path", "operation_id"),
    [
        ("/v1/releases/{release_id}/checklist/{item_id}/history", "list_checklist_item_history"),
        ("/v1/verifications/{verification_id}/history", "list_verification_history"),
        ("/v1/deployments/{deployment_id}/history", "list_deployment_history"),
        ("/v1/freeze-windows/{window_id}/history", "list_freeze_window_history"),
    ],
)
async def test_history_routes_are_documented(client, path, operation_id):
    spec = (await client.get("/openapi.json")).json()
    op = spec["paths"][path]["get"]
    assert op["operationId"] == operation_id
    assert {"401", "404", "422"} <= set(op["responses"])
    assert {p["name"] for p in op["parameters"]} >= {"limit", "cursor"}
    assert op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "Page_HistoryEntryPublic_"
    )
