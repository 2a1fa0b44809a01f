"""PRD and design review over real HTTP: requirements-svc as a process on PostgreSQL, reviewers with their
own tokens, approval freezing a version, the next revision, the diff and the history."""

import httpx
import pytest

pytestmark = pytest.mark.e2e


def test_prd_review_to_frozen_version_and_next_revision(stack):
    base = stack.url("requirements")
    tpm = stack.headers("tpm", "DOCE2E", sub="tina")
    r = httpx.post(f"{base}/v1/projects", json={"key": "DOCE2E", "name": "Docs end to end"}, headers=tpm)
    assert r.status_code == 201, r.text
    r = httpx.post(
        f"{base}/v1/projects/DOCE2E/milestones",
        json={"name": "Beta", "target_date": "2027-01-31"},
        headers=tpm,
    )
    assert r.status_code == 201 and r.json()["progress"]["percent"] == 0

    r = httpx.post(
        f"{base}/v1/projects/DOCE2E/prds",
        json={"title": "Saved cards", "sections": {"goals": "One-click pay.", "metrics": "Conversion +2%"}},
        headers=tpm,
    )
    assert r.status_code == 201, r.text
    prd = r.json()
    url = f"{base}/v1/prds/{prd['id']}"
    goals_id = next(s["id"] for s in prd["sections"] if s["key"] == "goals")

    r = httpx.post(
        f"{url}/submit",
        json={"reviewers": [{"reviewer": "eng-lead"}, {"reviewer": "qa-lead"}]},
        headers={**tpm, "If-Match": r.headers["etag"]},
    )
    assert r.status_code == 200 and r.json()["status"] == "in_review", r.text
    outsider = httpx.post(
        f"{url}/decide",
        json={"decision": "approve"},
        headers=stack.headers("engineer", "DOCE2E", sub="someone-else"),
    )
    assert outsider.status_code == 403
    assert outsider.headers["content-type"].startswith("application/problem+json")
    for who in ("eng-lead", "qa-lead"):
        r = httpx.post(
            f"{url}/decide",
            json={"decision": "approve", "comment": "ok"},
            headers=stack.headers("engineer", "DOCE2E", sub=who),
        )
        assert r.status_code == 200, r.text
    assert r.json()["status"] == "approved" and r.json()["approved_revision"] == 1

    r = httpx.patch(url, json={"sections": {"goals": "One-click pay, also for wallets."}}, headers=tpm)
    assert r.status_code == 200 and r.json()["revision"] == 2 and r.json()["status"] == "draft"
    assert next(s["id"] for s in r.json()["sections"] if s["key"] == "goals") == goals_id

    v1 = httpx.get(f"{url}/versions/1", headers=tpm).json()
    assert next(s["body"] for s in v1["sections"] if s["key"] == "goals") == "One-click pay."
    d = httpx.get(f"{url}/diff", params={"from": 1}, headers=tpm).json()
    assert (
        d["changed_sections"] == ["goals"]
        and "+One-click pay, also for wallets." in d["sections"][1]["patch"]
    )

    hist = httpx.get(f"{url}/history", headers=tpm).json()["items"]
    assert [h["action"] for h in hist] == ["create", "submit", "review", "review", "status", "update"]
    assert httpx.get(f"{base}/readyz").json()["checks"]["migrations"] == "ok"


def test_design_with_domain_reviewers_linked_to_an_epic(stack):
    base = stack.url("requirements")
    tpm = stack.headers("tpm", "DSGE2E", sub="tina")
    assert httpx.post(
        f"{base}/v1/projects", json={"key": "DSGE2E", "name": "Designs"}, headers=tpm
    ).is_success
    epic = httpx.post(
        f"{base}/v1/projects/DSGE2E/items", json={"type": "epic", "title": "Wallets"}, headers=tpm
    )
    assert epic.status_code == 201, epic.text
    story = httpx.post(
        f"{base}/v1/projects/DSGE2E/items", json={"type": "story", "title": "Pay"}, headers=tpm
    )
    eng = stack.headers("engineer", "DSGE2E", sub="erin")
    bad = httpx.post(
        f"{base}/v1/projects/DSGE2E/designs",
        json={"title": "Wallet tokens", "linked_items": [story.json()["key"]]},
        headers=eng,
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["type"] == "wrong_type"
    r = httpx.post(
        f"{base}/v1/projects/DSGE2E/designs",
        json={
            "title": "Wallet tokens",
            "linked_items": [epic.json()["key"]],
            "sections": {"proposal": "Network tokens."},
        },
        headers=eng,
    )
    assert r.status_code == 201, r.text
    url = f"{base}/v1/designs/{r.json()['id']}"
    reviewers = [{"reviewer": "arch", "domain": "architecture"}, {"reviewer": "sec", "domain": "security"}]
    assert httpx.post(f"{url}/submit", json={"reviewers": reviewers}, headers=eng).status_code == 403
    assert httpx.post(f"{url}/submit", json={"reviewers": reviewers}, headers=tpm).status_code == 200
    for who in ("arch", "sec"):
        r = httpx.post(
            f"{url}/decide",
            json={"decision": "approve"},
            headers=stack.headers("engineer", "DSGE2E", sub=who),
        )
        assert r.status_code == 200, r.text
    assert r.json()["status"] == "approved"
    v1 = httpx.get(f"{url}/versions/1", headers=eng).json()
    assert v1["linked_items"] == [epic.json()["key"]] and sorted(v1["approvers"]) == ["arch", "sec"]
