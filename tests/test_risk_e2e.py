"""The risk register over real HTTP: risk-svc validating links against requirements-svc and release-svc (all
real processes on PostgreSQL), the gate query with a service token, and a change request approved in
requirements-svc turning into a requirement_change risk."""

import time

import httpx
import pytest

pytestmark = pytest.mark.e2e

PROJECT = "RISKE2E"


@pytest.fixture(scope="module")
def project(stack):
    req = stack.url("requirements")
    tpm = stack.headers("tpm", PROJECT, sub="tina")
    r = httpx.post(f"{req}/v1/projects", json={"key": PROJECT, "name": "Risks end to end"}, headers=tpm)
    assert r.status_code == 201, r.text
    keys = []
    for n in range(3):
        r = httpx.post(
            f"{req}/v1/projects/{PROJECT}/items", json={"type": "story", "title": f"Story {n}"}, headers=tpm
        )
        assert r.status_code == 201, r.text
        keys.append(r.json()["key"])
    return keys


def test_links_validated_against_requirements_and_gate_query(stack, project):
    risk = stack.url("risk")
    tpm = stack.headers("tpm", PROJECT, sub="tina")
    body = {
        "title": "Processor cap",
        "category": "dependency",
        "probability": 4,
        "impact": 4,
        "owner": "tina",
        "links": {"items": project[:2]},
    }
    r = httpx.post(f"{risk}/v1/projects/{PROJECT}/risks", json=body, headers=tpm)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["key"].startswith(f"{PROJECT}-R") and created["links"]["items"] == project[:2]
    assert created["level"] == "high"

    missing = f"{PROJECT}-999"
    r = httpx.post(
        f"{risk}/v1/projects/{PROJECT}/risks",
        json={**body, "links": {"items": [project[2], missing]}},
        headers=tpm,
    )
    assert r.status_code == 422, r.text
    assert r.json()["missing"] == [missing]
    listed = httpx.get(f"{risk}/v1/projects/{PROJECT}/risks", headers=tpm).json()["items"]
    assert [x["key"] for x in listed] == [created["key"]]

    service = stack.headers("viewer", "*", sub="service:release-svc", service="release-svc")
    r = httpx.post(
        f"{risk}/v1/risks/gate-query", json={"project_key": PROJECT, "item_keys": project}, headers=service
    )
    assert r.status_code == 200, r.text
    gate = r.json()
    assert gate["gate_level"] == "high"
    assert [(b["key"], b["linked_items"]) for b in gate["blocking"]] == [(created["key"], project[:2])]
    r = httpx.post(
        f"{risk}/v1/risks/gate-query",
        json={"project_key": PROJECT, "item_keys": [project[2]]},
        headers=service,
    )
    assert r.json()["blocking"] == []


def test_prd_and_release_links_validated_against_their_services(stack, project):
    req, risk, rel = stack.url("requirements"), stack.url("risk"), stack.url("release")
    tpm = stack.headers("tpm", PROJECT, sub="tina")
    ids = {}
    for plural in ("prds", "designs"):
        r = httpx.post(f"{req}/v1/projects/{PROJECT}/{plural}", json={"title": "Wallets"}, headers=tpm)
        assert r.status_code == 201, r.text
        ids[plural] = r.json()["id"]
    r = httpx.post(f"{rel}/v1/projects/{PROJECT}/releases", json={"version": "3.0.0"}, headers=tpm)
    assert r.status_code == 201, r.text
    release = r.json()["id"]
    unknown = "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"
    body = {"title": "Wallet launch slips", "category": "schedule", "probability": 2, "impact": 3}
    links = {"items": project[:1], "prds": [ids["prds"]], "releases": [release]}
    r = httpx.post(f"{risk}/v1/projects/{PROJECT}/risks", json={**body, "links": links}, headers=tpm)
    assert r.status_code == 201, r.text
    assert r.json()["links"] == links
    key = r.json()["key"]
    r = httpx.post(
        f"{risk}/v1/risks/{key}/links", json={"prds": [ids["designs"]], "releases": [unknown]}, headers=tpm
    )
    assert r.status_code == 422, r.text
    assert r.json()["missing"] == [ids["designs"], unknown]
    assert httpx.get(f"{risk}/v1/risks/{key}", headers=tpm).json()["links"] == links


def test_approved_change_request_becomes_a_risk(stack, project):
    req, risk = stack.url("requirements"), stack.url("risk")
    pm = stack.headers("pm", PROJECT, sub="paula")
    r = httpx.post(
        f"{req}/v1/projects/{PROJECT}/change-requests",
        json={
            "title": "Add wallets",
            "reason": "Wallet share passed 30%",
            "affected_items": [project[2]],
            "effort_delta_points": 5,
            "date_delta_days": 12,
        },
        headers=pm,
    )
    assert r.status_code == 201, r.text
    cr = r.json()
    r = httpx.post(f"{req}/v1/change-requests/{cr['key']}/approve", json={}, headers=pm)
    assert r.status_code == 200, r.text
    deadline = time.monotonic() + 30
    found = []
    while time.monotonic() < deadline:
        found = httpx.get(
            f"{risk}/v1/projects/{PROJECT}/risks", params={"category": "requirement_change"}, headers=pm
        ).json()["items"]
        if found:
            break
        time.sleep(0.3)
    assert len(found) == 1, stack.logs()[-3000:]
    assert found[0]["change_request_id"] == cr["id"] and found[0]["links"]["items"] == [project[2]]
    assert (found[0]["probability"], found[0]["impact"]) == (2, 4)
