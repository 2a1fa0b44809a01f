"""Retrospectives: drafted from the audit trail, edited with If-Match; an action item becomes a risk in the
real risk-svc (in-process, its own database)."""

from types import SimpleNamespace

import httpx
import pytest
from risk_svc.main import SPEC as RISK_SPEC
from risk_svc.main import create_app as create_risk_app
from risk_svc.settings import Settings as RiskSettings
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.testing.plugin import LifespanClient, learn_projects, migrated_database, truncate_all


@pytest.fixture(scope="session")
async def risk_app(backend, request, common_settings):
    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    settings = await migrated_database(RISK_SPEC, RiskSettings, backend, pg, common_settings)
    app = create_risk_app(settings)
    async with LifespanClient(app) as client:
        yield SimpleNamespace(app=app, client=client, url=settings.database_url)


@pytest.fixture
async def risk(client, risk_app, common_settings, auth):
    """risk-svc wired as release-svc's sibling and this release-svc as risk-svc's (a risk linked to a release
    is checked with release-svc: sending an action item calls back while the retrospective is locked); it
    knows the test projects as release-svc does."""
    await truncate_all(risk_app.url)
    await learn_projects(risk_app.client, auth(service="requirements-svc"))
    release_app = client._transport.app
    siblings = release_app.state.siblings
    saved = siblings["risk"]
    siblings["risk"] = SiblingClient(
        name="risk-svc",
        base_url="http://risk",
        settings=common_settings,
        caller="release-svc",
        transport=httpx.ASGITransport(app=risk_app.app),
    )
    risk_siblings = risk_app.app.state.siblings
    saved_release = risk_siblings["release"]
    risk_siblings["release"] = SiblingClient(
        name="release-svc",
        base_url="http://release",
        settings=common_settings,
        caller="risk-svc",
        transport=httpx.ASGITransport(app=release_app),
    )
    yield risk_app
    await siblings["risk"].aclose()
    siblings["risk"] = saved
    await risk_siblings["release"].aclose()
    risk_siblings["release"] = saved_release


async def released_release(client, auth, *, target_date="2026-01-01"):
    r = await client.post(
        "/v1/projects/PAY/releases",
        headers=auth("tpm", "PAY"),
        json={"version": "1.0.0", "approvers": ["carol"], "target_date": target_date},
    )
    rid = r.json()["id"]
    await client.post(f"/v1/releases/{rid}/submit", headers=auth("tpm", "PAY"))
    await client.post(
        f"/v1/releases/{rid}/approvals",
        json={"decision": "approve"},
        headers=auth("engineer", "PAY", sub="carol"),
    )
    await client.get(f"/v1/releases/{rid}/gate", headers=auth("ci", "PAY"))  # denied: checklist not done
    for path in ("start-deploy", "start-verification", "mark-released"):
        r = await client.post(f"/v1/releases/{rid}/{path}", headers=auth("tpm", "PAY"))
        assert r.status_code == 200, r.text
    return rid


async def test_retrospective_drafted_from_audit_trail(client, auth, risk):
    rid = await released_release(client, auth)
    r = await client.post(f"/v1/releases/{rid}/retrospective", headers=auth("tpm", "PAY"))
    assert r.status_code == 201, r.text
    retro = r.json()
    facts = retro["facts"]
    assert facts["planned_date"] == "2026-01-01" and facts["actual_release_at"] is not None
    assert facts["slip_days"] > 0 and facts["final_status"] == "released"
    assert facts["gate"]["asked"] == 1 and facts["gate"]["denied"] == 1
    assert facts["gate"]["failed_checks"]["checklist"] == 1
    assert len(facts["approval_latency_seconds"]) == 1 and facts["approval_latency_seconds"][0] >= 0
    assert [t["action"] for t in facts["timeline"]] == [
        "create",
        "submit",
        "review_approve",
        "approve",
        "start_deploy",
        "start_verification",
        "mark_released",
    ]
    assert any("gate denied" in line for line in retro["went_badly"])
    again = await client.post(f"/v1/releases/{rid}/retrospective", headers=auth("tpm", "PAY"))
    assert again.status_code == 409


async def test_edit_refresh_and_send_action_item_to_risk(client, auth, risk):
    rid = await released_release(client, auth)
    await client.post(f"/v1/releases/{rid}/retrospective", headers=auth("tpm", "PAY"))
    url = f"/v1/releases/{rid}/retrospective"
    r = await client.patch(
        url,
        headers={**auth("tpm", "PAY"), "If-Match": '"1"'},
        json={
            "went_well": ["Gate caught the missing checklist"],
            "action_items": [
                {"title": "Automate reconciliation dry run", "owner": "bob", "due_date": "2026-12-15"}
            ],
        },
    )
    assert r.status_code == 200, r.text
    item = r.json()["action_items"][0]
    assert item["risk_key"] is None
    stale = await client.patch(url, json={"summary": "x"}, headers={**auth("tpm", "PAY"), "If-Match": '"1"'})
    assert stale.status_code == 412
    sent = await client.post(
        f"{url}/action-items/{item['id']}/send-to-risk",
        headers=auth("tpm", "PAY"),
        json={"category": "stability", "probability": 2, "impact": 4},
    )
    assert sent.status_code == 200, sent.text
    risk_key = sent.json()["action_items"][0]["risk_key"]
    assert risk_key.startswith("PAY-R")
    got = await risk.client.get(f"/v1/risks/{risk_key}", headers=auth("viewer", "PAY"))
    assert got.status_code == 200 and got.json()["title"] == "Automate reconciliation dry run"
    assert got.json()["category"] == "stability"
    twice = await client.post(f"{url}/action-items/{item['id']}/send-to-risk", headers=auth("tpm", "PAY"))
    assert twice.status_code == 409 and twice.json()["risk_key"] == risk_key
    # Editing keeps the link when the item id is sent back; refreshing keeps what people wrote.
    r = await client.patch(
        url,
        headers=auth("tpm", "PAY"),
        json={"action_items": [{"id": item["id"], "title": "Automate reconciliation dry run (weekly)"}]},
    )
    assert r.json()["action_items"][0]["risk_key"] == risk_key
    refreshed = await client.post(f"{url}/refresh", headers=auth("tpm", "PAY"))
    assert refreshed.status_code == 200 and refreshed.json()["went_well"] == [
        "Gate caught the missing checklist"
    ]


async def test_send_to_risk_when_risk_svc_is_down_is_503_and_nothing_changes(
    client, auth, risk, common_settings
):
    rid = await released_release(client, auth)
    await client.post(f"/v1/releases/{rid}/retrospective", headers=auth("tpm", "PAY"))
    url = f"/v1/releases/{rid}/retrospective"
    item = (
        await client.patch(url, headers=auth("tpm", "PAY"), json={"action_items": [{"title": "x"}]})
    ).json()["action_items"][0]
    siblings = client._transport.app.state.siblings
    siblings["risk"] = SiblingClient(
        name="risk-svc", base_url="http://127.0.0.1:9", settings=common_settings, caller="release-svc"
    )
    r = await client.post(f"{url}/action-items/{item['id']}/send-to-risk", headers=auth("tpm", "PAY"))
    assert r.status_code == 503 and r.json()["sibling"] == "risk-svc"
    assert (await client.get(url, headers=auth())).json()["action_items"][0]["risk_key"] is None


@pytest.mark.parametrize(
    "body",
    [
        {"went_well": None},
        {"action_items": [{"title": ""}]},
        {"action_items": [{"id": "01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11", "title": "ghost"}]},
        {"summary": "x" * 20001},
        {"mood": "great"},
    ],
)
async def test_bad_retrospective_edit_is_422(client, auth, risk, body):
    rid = await released_release(client, auth)
    await client.post(f"/v1/releases/{rid}/retrospective", headers=auth("tpm", "PAY"))
    r = await client.patch(f"/v1/releases/{rid}/retrospective", json=body, headers=auth("tpm", "PAY"))
    assert r.status_code == 422
    assert (await client.get(f"/v1/releases/{rid}/retrospective", headers=auth())).json()["version"] == 1


async def test_retrospective_roles_and_missing(client, auth, risk):
    rid = await released_release(client, auth)
    assert (await client.get(f"/v1/releases/{rid}/retrospective", headers=auth())).status_code == 404
    assert (
        await client.post(f"/v1/releases/{rid}/retrospective", headers=auth("viewer", "PAY"))
    ).status_code == 403
    await client.post(f"/v1/releases/{rid}/retrospective", headers=auth("qa", "PAY"))
    r = await client.patch(
        f"/v1/releases/{rid}/retrospective",
        json={"action_items": [{"title": "x"}]},
        headers=auth("qa", "PAY"),
    )
    item = r.json()["action_items"][0]
    assert (
        await client.post(
            f"/v1/releases/{rid}/retrospective/action-items/{item['id']}/send-to-risk",
            headers=auth("qa", "PAY"),
        )
    ).status_code == 403
