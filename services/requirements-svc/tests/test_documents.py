"""PRDs and designs: one document machinery, exercised for both kinds — sections with stable ids, the
review state machine with reviewers, decisions and a quorum, frozen versions, revision N+1, diffs, history,
events."""

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine
from tpmhub_shared.events import OutboxEvent

PRD_SECTIONS = [
    "background",
    "goals",
    "non_goals",
    "user_scenarios",
    "functional_requirements",
    "non_functional_requirements",
    "metrics",
    "open_questions",
    "design_links",
]
DESIGN_SECTIONS = [
    "context",
    "proposal",
    "alternatives",
    "trade_offs",
    "risks",
    "cost",
    "rollout_and_rollback",
    "open_questions",
]

KINDS = {
    "prd": {
        "plural": "prds",
        "sections": PRD_SECTIONS,
        "body_key": "goals",
        "reviewer": lambda name, **kw: {"reviewer": name, **kw},
    },
    "design": {
        "plural": "designs",
        "sections": DESIGN_SECTIONS,
        "body_key": "proposal",
        "reviewer": lambda name, **kw: {"reviewer": name, "domain": "architecture", **kw},
    },
}


@pytest.fixture(params=["prd", "design"])
def kind(request):
    return request.param


async def make_project(client, auth, key="PAY"):
    r = await client.post("/v1/projects", json={"key": key, "name": key}, headers=auth("admin"))
    assert r.status_code == 201, r.text


async def make_doc(client, auth, kind, key="PAY", title="Frictionless 3DS", **sections):
    cfg = KINDS[kind]
    body = {"title": title, "sections": sections or {cfg["body_key"]: "First goals."}}
    r = await client.post(f"/v1/projects/{key}/{cfg['plural']}", json=body, headers=auth("tpm"))
    assert r.status_code == 201, r.text
    return r.json()


async def submit(client, auth, kind, doc_id, reviewers, quorum=None, who="tpm"):
    cfg = KINDS[kind]
    body = {"reviewers": [cfg["reviewer"](r) if isinstance(r, str) else r for r in reviewers]}
    if quorum is not None:
        body["quorum"] = quorum
    return await client.post(f"/v1/{cfg['plural']}/{doc_id}/submit", json=body, headers=auth(who))


async def decide(client, auth, kind, doc_id, reviewer, decision="approve", comment="", role="engineer"):
    return await client.post(
        f"/v1/{KINDS[kind]['plural']}/{doc_id}/decide",
        json={"decision": decision, "comment": comment},
        headers=auth(role, "PAY", sub=reviewer),
    )


async def approve_all(client, auth, kind, doc_id, reviewers):
    assert (await submit(client, auth, kind, doc_id, reviewers)).status_code == 200
    for r in reviewers:
        res = await decide(client, auth, kind, doc_id, r)
        assert res.status_code == 200, res.text
    return res.json()


async def test_create_has_every_fixed_section_with_stable_ids(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    assert [s["key"] for s in doc["sections"]] == cfg["sections"]
    assert doc["status"] == "draft" and doc["revision"] == 1 and doc["approved_revision"] is None
    assert doc["allowed_actions"] == ["edit", "submit"] and doc["owner"] == "alice"
    body = {s["key"]: s["body"] for s in doc["sections"]}
    assert body[cfg["body_key"]] == "First goals." and body[cfg["sections"][0]] in ("", "First goals.")
    ids = {s["key"]: s["id"] for s in doc["sections"]}
    # Ids survive edits, approval and the next revision.
    patch = {"sections": {cfg["body_key"]: "Second goals."}}
    r = await client.patch(f"/v1/{cfg['plural']}/{doc['id']}", json=patch, headers=auth("tpm"))
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    approved = await approve_all(client, auth, kind, doc["id"], ["bob"])
    r = await client.patch(
        f"/v1/{cfg['plural']}/{doc['id']}",
        json={"sections": {cfg["body_key"]: "Third."}},
        headers=auth("tpm"),
    )
    assert {s["key"]: s["id"] for s in r.json()["sections"]} == ids
    assert {s["key"]: s["id"] for s in approved["sections"]} == ids
    version = (
        await client.get(f"/v1/{cfg['plural']}/{doc['id']}/versions/1", headers=auth("viewer", "PAY"))
    ).json()
    assert {s["key"]: s["id"] for s in version["sections"]} == ids


async def test_prd_and_design_ids_are_not_interchangeable(client, auth):
    await make_project(client, auth)
    prd = await make_doc(client, auth, "prd")
    assert (await client.get(f"/v1/prds/{prd['id']}", headers=auth())).status_code == 200
    r = await client.get(f"/v1/designs/{prd['id']}", headers=auth())
    assert r.status_code == 404 and r.json()["type"].endswith("/not-found")


async def test_full_review_with_quorum_freezes_version_and_emits_events(client, auth, kind, req_settings):
    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    r = await submit(client, auth, kind, doc["id"], ["bob", "carol"])
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "in_review" and body["quorum"] == 2 and body["review_round"] == 1
    assert sorted(x["reviewer"] for x in body["reviewers"]) == ["bob", "carol"]
    assert body["allowed_actions"] == ["decide", "withdraw"]
    r = await decide(client, auth, kind, doc["id"], "bob", comment="Looks right.")
    assert r.status_code == 200 and r.json()["status"] == "in_review"  # quorum of 2 not met yet
    assert (await client.get(f"/v1/{cfg['plural']}/{doc['id']}/versions", headers=auth())).json()[
        "items"
    ] == []
    r = await decide(client, auth, kind, doc["id"], "carol")
    assert r.status_code == 200
    body = r.json()
    assert (
        body["status"] == "approved"
        and body["approved_revision"] == 1
        and body["allowed_actions"] == ["edit"]
    )
    versions = (await client.get(f"/v1/{cfg['plural']}/{doc['id']}/versions", headers=auth())).json()["items"]
    assert [(v["number"], sorted(v["approvers"])) for v in versions] == [(1, ["bob", "carol"])]
    reviews = (await client.get(f"/v1/{cfg['plural']}/{doc['id']}/reviews", headers=auth())).json()["items"]
    assert {(x["reviewer"], x["decision"]) for x in reviews} == {("bob", "approve"), ("carol", "approve")}
    assert next(x for x in reviews if x["reviewer"] == "bob")["comment"] == "Looks right."

    engine = create_async_engine(req_settings.database_url)
    try:
        async with engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(OutboxEvent.type, OutboxEvent.data)
                    .where(OutboxEvent.subject == doc["id"])
                    .order_by(OutboxEvent.id)
                )
            ).all()
    finally:
        await engine.dispose()
    types = [t for t, _ in rows]
    assert types == [
        f"{kind}.created",
        f"{kind}.submitted",
        f"{kind}.reviewed",
        f"{kind}.reviewed",
        f"{kind}.approved",
    ]
    approved = rows[-1][1]
    assert approved["version"] == 1 and sorted(approved["approvers"]) == ["bob", "carol"]
    assert approved["project_key"] == "PAY" and approved["kind"] == kind


async def test_quorum_counts_optional_reviewers_and_required_must_approve(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    reviewers = [
        cfg["reviewer"]("bob", required=True),
        cfg["reviewer"]("carol", required=False),
        cfg["reviewer"]("dave", required=False),
    ]
    r = await submit(client, auth, kind, doc["id"], reviewers, quorum=2)
    assert r.status_code == 200 and r.json()["quorum"] == 2
    # Two optional approvals meet the count but not the required reviewer.
    assert (await decide(client, auth, kind, doc["id"], "carol")).json()["status"] == "in_review"
    assert (await decide(client, auth, kind, doc["id"], "dave")).json()["status"] == "in_review"
    r = await decide(client, auth, kind, doc["id"], "bob")
    assert r.json()["status"] == "approved"
    version = (await client.get(f"/v1/{cfg['plural']}/{doc['id']}/versions/1", headers=auth())).json()
    assert sorted(version["approvers"]) == ["bob", "carol", "dave"]


async def test_default_quorum_without_required_reviewers_is_everyone(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    r = await submit(
        client,
        auth,
        kind,
        doc["id"],
        [cfg["reviewer"]("bob", required=False), cfg["reviewer"]("carol", required=False)],
    )
    assert r.json()["quorum"] == 2
    assert (await decide(client, auth, kind, doc["id"], "bob")).json()["status"] == "in_review"
    assert (await decide(client, auth, kind, doc["id"], "carol")).json()["status"] == "approved"


async def test_request_changes_ends_round_then_resubmit_starts_new_round(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    await submit(client, auth, kind, doc["id"], ["bob", "carol"])
    r = await decide(client, auth, kind, doc["id"], "bob", "request_changes", "Metrics are missing.")
    assert r.status_code == 200
    assert r.json()["status"] == "changes_requested" and r.json()["allowed_actions"] == ["edit", "submit"]
    # The round is over: carol can no longer decide.
    r = await decide(client, auth, kind, doc["id"], "carol")
    assert r.status_code == 409 and r.json()["allowed_actions"] == ["edit", "submit"]
    r = await client.patch(
        f"/v1/{cfg['plural']}/{doc['id']}",
        json={"sections": {cfg["body_key"]: "Better."}},
        headers=auth("tpm"),
    )
    assert r.status_code == 200 and r.json()["status"] == "changes_requested" and r.json()["revision"] == 1
    r = await submit(client, auth, kind, doc["id"], ["carol"])
    assert r.status_code == 200 and r.json()["review_round"] == 2
    assert [x["reviewer"] for x in r.json()["reviewers"]] == ["carol"]
    # bob was a reviewer of round 1 only.
    assert (await decide(client, auth, kind, doc["id"], "bob")).status_code == 403
    assert (await decide(client, auth, kind, doc["id"], "carol")).json()["status"] == "approved"
    reviews = (await client.get(f"/v1/{cfg['plural']}/{doc['id']}/reviews", headers=auth())).json()["items"]
    assert [(x["review_round"], x["reviewer"], x["decision"]) for x in reviews] == [
        (1, "bob", "request_changes"),
        (1, "carol", None),
        (2, "carol", "approve"),
    ]


async def test_decision_from_unassigned_reviewer_is_403_and_nothing_changes(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    await submit(client, auth, kind, doc["id"], ["bob"])
    before = await client.get(f"/v1/{cfg['plural']}/{doc['id']}", headers=auth())
    # Even an admin who was not named may not decide.
    for who, role in [("mallory", "engineer"), ("alice", "admin")]:
        r = await decide(client, auth, kind, doc["id"], who, role=role)
        assert r.status_code == 403, r.text
        assert r.json()["reviewers"] == ["bob"]
    after = await client.get(f"/v1/{cfg['plural']}/{doc['id']}", headers=auth())
    assert after.headers["etag"] == before.headers["etag"]
    assert after.json()["reviewers"][0]["decision"] is None
    hist = (await client.get(f"/v1/{cfg['plural']}/{doc['id']}/history", headers=auth())).json()["items"]
    assert [h["action"] for h in hist] == ["create", "submit"]


async def test_reviewer_decides_once_and_needs_access_to_the_project(client, auth, kind):
    await make_project(client, auth)
    doc = await make_doc(client, auth, kind)
    await submit(client, auth, kind, doc["id"], ["bob", "carol"])
    assert (await decide(client, auth, kind, doc["id"], "bob")).status_code == 200
    r = await decide(client, auth, kind, doc["id"], "bob", "request_changes", "Changed my mind.")
    assert r.status_code == 409 and r.json()["decision"] == "approve"
    r = await client.post(
        f"/v1/{KINDS[kind]['plural']}/{doc['id']}/decide",
        json={"decision": "approve"},
        headers=auth("engineer", "OPS", sub="carol"),
    )
    # Without a role on the project the document is as missing as one that does not exist.
    assert r.status_code == 404 and r.json()["detail"].endswith(f"{doc['id']} does not exist.")


@pytest.mark.parametrize(
    ("payload", "loc"),
    [
        ({"decision": "request_changes"}, "body"),
        ({"decision": "request_changes", "comment": "   "}, "body"),
        ({"decision": "maybe"}, "body.decision"),
        ({"decision": "approve", "comment": "x" * 5001}, "body.comment"),
        ({"decision": "approve", "extra": 1}, "body.extra"),
    ],
)
async def test_bad_decisions_are_422(client, auth, kind, payload, loc):
    await make_project(client, auth)
    doc = await make_doc(client, auth, kind)
    await submit(client, auth, kind, doc["id"], ["bob"])
    r = await client.post(
        f"/v1/{KINDS[kind]['plural']}/{doc['id']}/decide",
        json=payload,
        headers=auth("engineer", "PAY", sub="bob"),
    )
    assert r.status_code == 422, r.text
    assert loc in [e["loc"] for e in r.json()["errors"]]
    assert (await client.get(f"/v1/{KINDS[kind]['plural']}/{doc['id']}", headers=auth())).json()["reviewers"][
        0
    ]["decision"] is None


async def test_illegal_transitions_are_409_with_allowed_actions(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    url = f"/v1/{cfg['plural']}/{doc['id']}"
    r = await decide(client, auth, kind, doc["id"], "bob")
    assert r.status_code == 409 and r.json()["type"].endswith("/invalid-transition")
    assert r.json()["state"] == "draft" and r.json()["allowed_actions"] == ["edit", "submit"]
    r = await client.post(f"{url}/withdraw", headers=auth("tpm"))
    assert r.status_code == 409 and r.json()["action"] == "withdraw"
    await submit(client, auth, kind, doc["id"], ["bob"])
    r = await submit(client, auth, kind, doc["id"], ["carol"])
    assert r.status_code == 409 and r.json()["allowed_actions"] == ["decide", "withdraw"]
    await decide(client, auth, kind, doc["id"], "bob")
    r = await submit(client, auth, kind, doc["id"], ["carol"])
    assert (
        r.status_code == 409 and r.json()["state"] == "approved" and r.json()["allowed_actions"] == ["edit"]
    )
    assert "revision 2" in r.json()["detail"]


async def test_edits_while_in_review_are_refused_and_withdraw_reopens(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    url = f"/v1/{cfg['plural']}/{doc['id']}"
    await submit(client, auth, kind, doc["id"], ["bob"])
    r = await client.patch(url, json={"title": "Sneaky"}, headers=auth("tpm"))
    assert (
        r.status_code == 409
        and r.json()["state"] == "in_review"
        and "withdraw" in r.json()["allowed_actions"]
    )
    assert (await client.get(url, headers=auth())).json()["title"] == "Frictionless 3DS"
    r = await client.post(f"{url}/withdraw", headers=auth("engineer"))
    assert r.status_code == 403
    r = await client.post(f"{url}/withdraw", headers=auth("pm"))
    assert r.status_code == 200 and r.json()["status"] == "draft"
    assert (await client.patch(url, json={"title": "Now fine"}, headers=auth("tpm"))).status_code == 200
    # The withdrawn round is closed for its reviewers.
    assert (await decide(client, auth, kind, doc["id"], "bob")).status_code == 409


async def test_editing_approved_starts_next_revision_and_frozen_version_never_changes(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    url = f"/v1/{cfg['plural']}/{doc['id']}"
    await approve_all(client, auth, kind, doc["id"], ["bob"])
    v1 = (await client.get(f"{url}/versions/1", headers=auth())).json()
    r = await client.patch(
        url, json={"title": "Revised", "sections": {cfg["body_key"]: "New goals."}}, headers=auth("tpm")
    )
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "draft" and body["revision"] == 2 and body["approved_revision"] == 1
    # Version 1 is exactly as frozen.
    assert (await client.get(f"{url}/versions/1", headers=auth())).json() == v1
    assert v1["title"] == "Frictionless 3DS"
    assert {s["key"]: s["body"] for s in v1["sections"]}[cfg["body_key"]] == "First goals."
    assert (await client.get(f"{url}/versions/2", headers=auth())).status_code == 404
    # A second edit stays on revision 2; approving it freezes version 2.
    r = await client.patch(url, json={"title": "Revised again"}, headers=auth("tpm"))
    assert r.json()["revision"] == 2
    await approve_all(client, auth, kind, doc["id"], ["carol"])
    versions = (await client.get(f"{url}/versions", headers=auth())).json()["items"]
    assert [(v["number"], v["title"]) for v in versions] == [(1, "Frictionless 3DS"), (2, "Revised again")]
    # Frozen versions have no write methods at all.
    for method in ("PATCH", "PUT", "DELETE"):
        r = await client.request(method, f"{url}/versions/1", json={"title": "x"}, headers=auth("admin"))
        assert r.status_code == 405
    assert (await client.get(f"{url}/versions/1", headers=auth())).json() == v1


async def test_noop_edit_of_approved_doc_does_not_start_a_revision(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    await approve_all(client, auth, kind, doc["id"], ["bob"])
    r = await client.patch(
        f"/v1/{cfg['plural']}/{doc['id']}",
        json={"title": "Frictionless 3DS", "sections": {cfg["body_key"]: "First goals."}},
        headers=auth("tpm"),
    )
    assert r.status_code == 200 and r.json()["status"] == "approved" and r.json()["revision"] == 1


async def test_diff_between_versions_section_by_section(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    first, second, third = cfg["sections"][0], cfg["sections"][1], cfg["sections"][2]
    doc = await make_doc(client, auth, kind, **{first: "Line A\nLine B", second: "Gone soon"})
    url = f"/v1/{cfg['plural']}/{doc['id']}"
    await approve_all(client, auth, kind, doc["id"], ["bob"])
    await client.patch(
        url,
        json={"title": "T2", "sections": {first: "Line A\nLine C", second: None, third: "Brand new"}},
        headers=auth("tpm"),
    )
    await approve_all(client, auth, kind, doc["id"], ["bob"])
    r = await client.get(f"{url}/diff", params={"from": 1, "to": 2}, headers=auth("viewer", "PAY"))
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["from_version"] == 1 and d["to_version"] == 2
    assert d["title"] == {"before": "Frictionless 3DS", "after": "T2", "changed": True}
    by_key = {s["key"]: s for s in d["sections"]}
    assert [s["key"] for s in d["sections"]] == cfg["sections"]
    assert by_key[first]["change"] == "modified" and "-Line B\n" in by_key[first]["patch"]
    assert "+Line C\n" in by_key[first]["patch"]
    assert by_key[second]["change"] == "removed" and by_key[second]["after"] == ""
    assert by_key[third]["change"] == "added" and by_key[third]["after"] == "Brand new"
    assert by_key[cfg["sections"][3]]["change"] == "unchanged" and by_key[cfg["sections"][3]]["patch"] == ""
    assert d["changed_sections"] == [first, second, third]
    # Against the working copy (no `to`).
    await client.patch(url, json={"sections": {third: "Draft text"}}, headers=auth("tpm"))
    d = (await client.get(f"{url}/diff", params={"from": 2}, headers=auth())).json()
    assert d["to_version"] is None and d["to_revision"] == 3 and d["changed_sections"] == [third]
    # Unknown versions and bad parameters.
    r = await client.get(f"{url}/diff", params={"from": 1, "to": 9}, headers=auth())
    assert r.status_code == 404 and "latest approved version is 2" in r.json()["detail"]
    assert (await client.get(f"{url}/diff", params={"from": 0}, headers=auth())).status_code == 422
    assert (await client.get(f"{url}/diff", headers=auth())).status_code == 422


async def test_unknown_project_and_unknown_document_are_404(client, auth, kind):
    plural = KINDS[kind]["plural"]
    r = await client.post(f"/v1/projects/NOPE/{plural}", json={"title": "x"}, headers=auth("admin"))
    assert r.status_code == 404 and "NOPE" in r.json()["detail"]
    assert (await client.get(f"/v1/projects/NOPE/{plural}", headers=auth())).status_code == 404
    missing = "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"
    for path in ("", "/versions", "/versions/1", "/history", "/reviews"):
        assert (await client.get(f"/v1/{plural}/{missing}{path}", headers=auth())).status_code == 404
    assert (await client.get(f"/v1/{plural}/not-a-uuid", headers=auth())).status_code == 422
    assert (await client.get(f"/v1/projects/pay/{plural}", headers=auth())).status_code == 422


async def test_stale_if_match_is_412_and_nothing_changes(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    url = f"/v1/{cfg['plural']}/{doc['id']}"
    r = await client.patch(url, json={"title": "Two"}, headers={**auth("tpm"), "If-Match": '"1"'})
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    r = await client.patch(url, json={"title": "Stale"}, headers={**auth("tpm"), "If-Match": '"1"'})
    assert r.status_code == 412 and r.json()["current_version"] == 2
    body = {"reviewers": [cfg["reviewer"]("bob")]}
    r = await client.post(f"{url}/submit", json=body, headers={**auth("tpm"), "If-Match": '"1"'})
    assert r.status_code == 412
    got = (await client.get(url, headers=auth())).json()
    assert got["title"] == "Two" and got["status"] == "draft"


@pytest.mark.parametrize(
    ("payload", "loc"),
    [
        ({"title": "x" * 201}, "body.title"),
        ({"title": ""}, "body.title"),
        ({"title": "ok", "sections": {"SECTION": "x" * 50_001}}, "body.sections.SECTION"),
        ({"title": "ok", "sections": {"unknown_section": "x"}}, "body.sections.unknown_section"),
        ({"title": "ok", "surprise": True}, "body.surprise"),
        ({}, "body.title"),
    ],
)
async def test_bad_create_bodies_are_422_and_nothing_written(client, auth, kind, payload, loc):
    await make_project(client, auth)
    cfg = KINDS[kind]
    if "sections" in payload and "SECTION" in payload["sections"]:
        payload = {**payload, "sections": {cfg["body_key"]: payload["sections"]["SECTION"]}}
        loc = loc.replace("SECTION", cfg["body_key"])
    r = await client.post(f"/v1/projects/PAY/{cfg['plural']}", json=payload, headers=auth("tpm"))
    assert r.status_code == 422, r.text
    assert loc in [e["loc"] for e in r.json()["errors"]]
    assert (await client.get(f"/v1/projects/PAY/{cfg['plural']}", headers=auth())).json()["items"] == []


async def test_bad_patches_are_422_and_nothing_written(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    url = f"/v1/{cfg['plural']}/{doc['id']}"
    for payload, loc in [
        ({"title": None}, "body.title"),
        ({"sections": {cfg["body_key"]: "x" * 50_001}}, f"body.sections.{cfg['body_key']}"),
        ({"status": "approved"}, "body.status"),
        ({"revision": 5}, "body.revision"),
    ]:
        r = await client.patch(url, json=payload, headers=auth("tpm"))
        assert r.status_code == 422, (payload, r.text)
        assert loc in [e["loc"] for e in r.json()["errors"]]
    got = await client.get(url, headers=auth())
    assert got.headers["etag"] == '"1"' and got.json()["status"] == "draft"


@pytest.mark.parametrize(
    ("reviewers", "quorum", "loc"),
    [
        ([], None, "body.reviewers"),
        (["bob", "bob"], None, "body.reviewers.1.reviewer"),
        (["bob"], 2, "body.quorum"),
        ([{"reviewer": "bob", "required": True}, {"reviewer": "eve", "required": True}], 1, "body.quorum"),
        ([f"r{i}" for i in range(21)], None, "body.reviewers"),
        (["x" * 201], None, "body.reviewers.0.reviewer"),
    ],
)
async def test_bad_submissions_are_422_and_nothing_written(client, auth, kind, reviewers, quorum, loc):
    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    reviewers = [
        cfg["reviewer"](r["reviewer"], required=r["required"]) if isinstance(r, dict) else r
        for r in reviewers
    ]
    r = await submit(client, auth, kind, doc["id"], reviewers, quorum=quorum)
    assert r.status_code == 422, r.text
    assert loc in [e["loc"] for e in r.json()["errors"]]
    got = (await client.get(f"/v1/{cfg['plural']}/{doc['id']}", headers=auth())).json()
    assert got["status"] == "draft" and got["review_round"] == 0 and got["reviewers"] == []


async def test_design_reviewers_are_named_per_domain(client, auth):
    await make_project(client, auth)
    doc = await make_doc(client, auth, "design")
    r = await submit(client, auth, "design", doc["id"], [{"reviewer": "bob"}])
    assert r.status_code == 422 and "body.reviewers.0.domain" in [e["loc"] for e in r.json()["errors"]]
    r = await submit(client, auth, "design", doc["id"], [{"reviewer": "bob", "domain": "finance"}])
    assert r.status_code == 422
    r = await submit(
        client,
        auth,
        "design",
        doc["id"],
        [
            {"reviewer": "bob", "domain": "architecture"},
            {"reviewer": "sec", "domain": "security"},
            {"reviewer": "dba", "domain": "data"},
            {"reviewer": "sre", "domain": "ops", "required": False},
        ],
    )
    assert r.status_code == 200
    assert {x["reviewer"]: x["domain"] for x in r.json()["reviewers"]} == {
        "bob": "architecture",
        "sec": "security",
        "dba": "data",
        "sre": "ops",
    }
    assert r.json()["quorum"] == 3
    for who in ("bob", "sec", "dba"):
        last = await decide(client, auth, "design", doc["id"], who)
    assert last.json()["status"] == "approved"


async def test_roles(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    url = f"/v1/projects/PAY/{cfg['plural']}"
    assert (await client.post(url, json={"title": "x"}, headers=auth("viewer", "PAY"))).status_code == 403
    assert (await client.post(url, json={"title": "x"}, headers=auth("qa", "PAY"))).status_code == 403
    r = await client.post(url, json={"title": "x"}, headers=auth("engineer", "PAY"))
    assert r.status_code == (201 if kind == "design" else 403)
    doc = await make_doc(client, auth, kind)
    # Only pm/tpm/admin may submit.
    r = await submit(client, auth, kind, doc["id"], ["bob"], who="engineer")
    assert r.status_code == 403 and r.json()["required_roles"] == ["admin", "pm", "tpm"]
    assert (await submit(client, auth, kind, doc["id"], ["bob"], who="pm")).status_code == 200
    # Reading needs a role on the project; without one, the document answers like a missing one.
    assert (
        await client.get(f"/v1/{cfg['plural']}/{doc['id']}", headers=auth("viewer", "OPS"))
    ).status_code == 404
    assert (await client.get(url, headers=auth("viewer", "OPS"))).status_code == 403  # the project's list
    assert (await client.get(f"/v1/{cfg['plural']}/{doc['id']}")).status_code == 401


async def test_list_filters_sorts_and_pages(client, auth, kind):
    await make_project(client, auth)
    await make_project(client, auth, "OPS")
    cfg = KINDS[kind]
    ids = [(await make_doc(client, auth, kind, title=f"Doc {i:02d}"))["id"] for i in range(7)]
    await make_doc(client, auth, kind, key="OPS")
    await submit(client, auth, kind, ids[2], ["bob"])
    url = f"/v1/projects/PAY/{cfg['plural']}"
    seen, cursor = [], None
    while True:
        params = {"limit": 3, "sort": "-title", **({"cursor": cursor} if cursor else {})}
        page = (await client.get(url, params=params, headers=auth())).json()
        assert all("sections" not in x for x in page["items"])
        seen += [x["title"] for x in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [f"Doc {i:02d}" for i in reversed(range(7))]
    r = await client.get(url, params={"status": "in_review"}, headers=auth())
    assert [x["id"] for x in r.json()["items"]] == [ids[2]]
    r = await client.get(url, params={"owner": "nobody"}, headers=auth())
    assert r.json()["items"] == []
    assert (await client.get(url, params={"sort": "secret"}, headers=auth())).status_code == 422
    assert (await client.get(url, params={"status": "lost"}, headers=auth())).status_code == 422


async def test_history_records_every_change_paged(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    url = f"/v1/{cfg['plural']}/{doc['id']}"
    await client.patch(
        url,
        json={"title": "Renamed", "sections": {cfg["body_key"]: "Edited."}},
        headers=auth("tpm", sub="alice"),
    )
    await submit(client, auth, kind, doc["id"], ["bob"])
    await decide(client, auth, kind, doc["id"], "bob", comment="Ship it.")
    hist = (await client.get(f"{url}/history", headers=auth())).json()["items"]
    assert [h["action"] for h in hist] == ["create", "update", "submit", "review", "status"]
    update = {c["field"]: (c["before"], c["after"]) for c in hist[1]["changes"]}
    assert update == {
        "title": ("Frictionless 3DS", "Renamed"),
        f"sections.{cfg['body_key']}": ("First goals.", "Edited."),
    }
    assert hist[3]["actor"] == "bob" and hist[3]["note"] == "Ship it."
    assert {"field": "status", "before": "in_review", "after": "approved"} in hist[4]["changes"]
    page = (await client.get(f"{url}/history", params={"limit": 2}, headers=auth())).json()
    assert len(page["items"]) == 2 and page["next_cursor"]
    rest = (
        await client.get(
            f"{url}/history", params={"limit": 10, "cursor": page["next_cursor"]}, headers=auth()
        )
    ).json()
    assert [h["action"] for h in rest["items"]] == ["submit", "review", "status"]


async def test_concurrent_decisions_all_count_and_approve_exactly_once(client, auth, kind, req_settings):
    import asyncio

    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    reviewers = [f"r{i}" for i in range(5)]
    await submit(client, auth, kind, doc["id"], reviewers)
    results = await asyncio.gather(*[decide(client, auth, kind, doc["id"], r) for r in reviewers])
    assert sorted(r.status_code for r in results) == [200] * 5, [r.text for r in results]
    got = (await client.get(f"/v1/{cfg['plural']}/{doc['id']}", headers=auth())).json()
    assert got["status"] == "approved" and all(x["decision"] == "approve" for x in got["reviewers"])
    versions = (await client.get(f"/v1/{cfg['plural']}/{doc['id']}/versions", headers=auth())).json()["items"]
    assert len(versions) == 1 and sorted(versions[0]["approvers"]) == reviewers
    engine = create_async_engine(req_settings.database_url)
    try:
        async with engine.connect() as conn:
            approved = (
                await conn.execute(
                    select(OutboxEvent.id).where(
                        OutboxEvent.subject == doc["id"], OutboxEvent.type == f"{kind}.approved"
                    )
                )
            ).all()
    finally:
        await engine.dispose()
    assert len(approved) == 1


async def test_section_ids_resolve_to_their_document(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    doc = await make_doc(client, auth, kind)
    section = next(s for s in doc["sections"] if s["key"] == cfg["body_key"])
    r = await client.get(f"/v1/sections/{section['id']}", headers=auth("viewer", "PAY"))
    assert r.status_code == 200, r.text
    ref = r.json()
    assert ref["document_id"] == doc["id"] and ref["kind"] == kind and ref["key"] == cfg["body_key"]
    assert ref["body"] == "First goals." and ref["document_url"] == f"/v1/{cfg['plural']}/{doc['id']}"
    assert (
        await client.get(f"/v1/sections/{section['id']}", headers=auth("viewer", "OPS"))
    ).status_code == 404
    missing = "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"
    assert (await client.get(f"/v1/sections/{missing}", headers=auth())).status_code == 404


async def test_nul_characters_are_422_and_nothing_written(client, auth, kind):
    await make_project(client, auth)
    cfg = KINDS[kind]
    body = {"title": "a\u0000b", "sections": {cfg["body_key"]: "x\u0000y"}}
    r = await client.post(f"/v1/projects/PAY/{cfg['plural']}", json=body, headers=auth("tpm"))
    assert r.status_code == 422, r.text
    assert (await client.get(f"/v1/projects/PAY/{cfg['plural']}", headers=auth())).json()["items"] == []
