"""Change-request impact shows what approval will touch — the releases that go back to review, the risks
linked to the items, the requirement_change risk — with the real release-svc and risk-svc in-process (their
own databases), one call each; then approval's event, delivered to both, does exactly that."""

import httpx
import pytest
from sqlalchemy import select
from tpmhub_shared.db import Database
from tpmhub_shared.events import OutboxEvent
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.testing.plugin import LifespanClient, migrated_database, truncate_all


def _sibling(name, caller, common, app=None, url=None):
    return SiblingClient(
        name=f"{name}-svc",
        base_url=url or f"http://{name}",
        settings=common,
        caller=caller,
        transport=httpx.ASGITransport(app=app) if app is not None else None,
        timeout=10,
    )


@pytest.fixture(scope="session")
async def sibling_apps(backend, request, common_settings):
    from release_svc.main import SPEC as RELEASE_SPEC
    from release_svc.main import create_app as release_app
    from release_svc.settings import Settings as ReleaseSettings
    from risk_svc.main import SPEC as RISK_SPEC
    from risk_svc.main import create_app as risk_app
    from risk_svc.settings import Settings as RiskSettings

    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    risk_settings = await migrated_database(RISK_SPEC, RiskSettings, backend, pg, common_settings)
    release_settings = await migrated_database(RELEASE_SPEC, ReleaseSettings, backend, pg, common_settings)
    risk, release = LifespanClient(risk_app(risk_settings)), LifespanClient(release_app(release_settings))
    async with risk as risk_client, release as release_client:
        yield {
            "risk": (risk.app, risk_client, risk_settings),
            "release": (release.app, release_client, release_settings),
        }


@pytest.fixture
async def wired(client, sibling_apps, common_settings):
    """Every service's siblings pointed at the in-process others (clean databases)."""
    req_app = client._transport.app
    apps = {"requirements": req_app, **{n: a for n, (a, _, _) in sibling_apps.items()}}
    saved = {n: dict(a.state.siblings) for n, a in apps.items()}
    for _, _, settings in sibling_apps.values():
        await truncate_all(settings.database_url)
    for name, app in apps.items():
        for other in apps:
            if other != name:
                app.state.siblings[other] = _sibling(other, f"{name}-svc", common_settings, app=apps[other])
    yield {"release": sibling_apps["release"][1], "risk": sibling_apps["risk"][1], "apps": apps}
    for name, app in apps.items():
        for other, c in list(app.state.siblings.items()):
            if c is not saved[name].get(other):
                await c.aclose()
        app.state.siblings.clear()
        app.state.siblings.update(saved[name])


@pytest.fixture
async def req_db(req_settings):
    database = Database(req_settings.database_url)
    yield database
    await database.dispose()


async def approved_events(db):
    async with db.session(write=False) as s:
        rows = await s.execute(
            select(OutboxEvent).where(OutboxEvent.type == "change_request.approved").order_by(OutboxEvent.id)
        )
        return list(rows.scalars())


async def deliver(target, make_token, event):
    token = make_token(roles={"*": "viewer"}, sub="service:requirements-svc", service="requirements-svc")
    r = await target.post(
        "/v1/events",
        json=event.envelope().model_dump(mode="json"),
        headers={"Authorization": f"Bearer {token}"},
    )
    assert r.status_code == 200, r.text
    return r.json()["status"]


async def release(rel, auth, version, scope, *, approve):
    r = await rel.post(
        "/v1/projects/PAY/releases",
        json={"version": version, "scope": scope, "approvers": ["carol"]},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    if approve:
        await rel.post(f"/v1/releases/{rid}/submit", headers=auth("tpm", "PAY"))
        r = await rel.post(
            f"/v1/releases/{rid}/approvals",
            json={"decision": "approve"},
            headers=auth("engineer", "PAY", sub="carol"),
        )
        assert r.json()["status"] == "approved", r.text
    return rid


async def risk(rsk, auth, title, items, *, close=False):
    r = await rsk.post(
        "/v1/projects/PAY/risks",
        json={
            "title": title,
            "category": "technical",
            "probability": 3,
            "impact": 3,
            "links": {"items": items},
        },
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201, r.text
    key = r.json()["key"]
    if close:
        r = await rsk.post(
            f"/v1/risks/{key}/close",
            json={"reason": "mitigated", "comment": "done"},
            headers=auth("tpm", "PAY"),
        )
        assert r.status_code == 200, r.text
    return key


async def world(client, rel, rsk, auth):
    """PAY-1 epic > PAY-2 feature (milestone Beta, one passed criterion), PAY-3 apart; releases 1.0 approved
    [PAY-2], 1.1 draft [PAY-1, PAY-3], 1.2 approved [PAY-3]; risks R1 on PAY-2, R2 on PAY-3, R3 closed on
    PAY-1."""
    assert (
        await client.post("/v1/projects", json={"key": "PAY", "name": "P"}, headers=auth())
    ).status_code == 201
    ms = (
        await client.post(
            "/v1/projects/PAY/milestones", json={"name": "Beta", "target_date": "2026-12-15"}, headers=auth()
        )
    ).json()
    rows = [
        {"type": "epic", "title": "Wallets"},
        {
            "type": "feature",
            "title": "Saved cards",
            "parent": "#0",
            "milestone_id": ms["id"],
            "criteria": ["a"],
        },
        {"type": "story", "title": "Receipts"},
    ]
    r = await client.post("/v1/projects/PAY/items/batch", json={"items": rows}, headers=auth())
    assert r.status_code == 201, r.text
    for c in (await client.get("/v1/items/PAY-2/criteria", headers=auth())).json():
        await client.post(f"/v1/criteria/{c['id']}/verify", json={"status": "passed"}, headers=auth())
    rids = {
        "1.0.0": await release(rel, auth, "1.0.0", ["PAY-2"], approve=True),
        "1.1.0": await release(rel, auth, "1.1.0", ["PAY-1", "PAY-3"], approve=False),
        "1.2.0": await release(rel, auth, "1.2.0", ["PAY-3"], approve=True),
    }
    keys = {
        "on_pay2": await risk(rsk, auth, "Card vault latency", ["PAY-2"]),
        "on_pay3": await risk(rsk, auth, "Mail provider", ["PAY-3"]),
        "closed": await risk(rsk, auth, "Old wallet SDK", ["PAY-1"], close=True),
    }
    return ms, rids, keys


async def release_states(rel, auth, rids):
    return {
        v: (await rel.get(f"/v1/releases/{rid}", headers=auth())).json()["status"] for v, rid in rids.items()
    }


async def test_impact_predicts_what_approval_does(client, wired, auth, make_token, req_db):
    rel, rsk = wired["release"], wired["risk"]
    ms, rids, keys = await world(client, rel, rsk, auth)
    r = await client.post(
        "/v1/projects/PAY/change-requests",
        json={
            "title": "Wallets too",
            "reason": "Share grew",
            "affected_items": ["PAY-1"],
            "date_delta_days": 7,
        },
        headers=auth("tpm", "PAY", sub="tina"),
    )
    assert r.status_code == 201, r.text
    impact = r.json()["impact"]
    assert impact["complete"] is True and impact["unknown"] == []
    assert impact["affected_items"] == ["PAY-1", "PAY-2"]
    assert [m["id"] for m in impact["milestones_at_risk"]] == [ms["id"]]
    touched = {t["version"]: t for t in impact["releases"]}
    assert set(touched) == {"1.0.0", "1.1.0"}
    assert touched["1.0.0"] == {
        "id": rids["1.0.0"],
        "version": "1.0.0",
        "status": "approved",
        "items": ["PAY-2"],
        "back_to_review": True,
    }
    assert touched["1.1.0"]["back_to_review"] is False and touched["1.1.0"]["items"] == ["PAY-1"]
    assert [(x["key"], x["linked_items"]) for x in impact["risks"]] == [(keys["on_pay2"], ["PAY-2"])]
    predicted = impact["requirement_change_risk"]
    assert predicted["existing_key"] is None and predicted["linked_items"] == ["PAY-1", "PAY-2"]

    r = await client.post(
        "/v1/change-requests/PAY-CR1/approve", json={}, headers=auth("pm", "PAY", sub="paula")
    )
    assert r.status_code == 200, r.text
    approved_impact = r.json()["impact"]
    assert approved_impact["releases"] == impact["releases"] and approved_impact["risks"] == impact["risks"]
    assert approved_impact["requirement_change_risk"] == predicted
    [event] = await approved_events(req_db)
    assert await deliver(rel, make_token, event) == "processed"
    assert await deliver(rsk, make_token, event) == "processed"

    # The releases sent back to review are exactly those predicted.
    states = await release_states(rel, auth, rids)
    assert {v for v, s in states.items() if s == "in_review"} == {
        t["version"] for t in impact["releases"] if t["back_to_review"]
    }
    assert states == {"1.0.0": "in_review", "1.1.0": "draft", "1.2.0": "approved"}
    # The risk created is the one predicted: scores, level and links.
    created = (
        await rsk.get("/v1/projects/PAY/risks", params={"category": "requirement_change"}, headers=auth())
    ).json()["items"]
    assert len(created) == 1
    new = created[0]
    assert (new["probability"], new["impact"], new["score"], new["level"]) == (
        predicted["probability"],
        predicted["impact"],
        predicted["score"],
        predicted["level"],
    )
    assert new["links"]["items"] == predicted["linked_items"]
    # Asked again, the impact names the risk approval created.
    r = await client.patch("/v1/change-requests/PAY-CR1", json={"title": "x"}, headers=auth())
    assert r.status_code == 409  # approved: not editable; the stored impact is the approval's
    assert (await client.get("/v1/change-requests/PAY-CR1", headers=auth())).json()[
        "impact"
    ] == approved_impact


async def test_a_sibling_down_leaves_its_part_unknown(client, wired, auth, common_settings, req_settings):
    rel, rsk = wired["release"], wired["risk"]
    await world(client, rel, rsk, auth)
    siblings = wired["apps"]["requirements"].state.siblings
    working = siblings["risk"]
    siblings["risk"] = _sibling("risk", "requirements-svc", common_settings, url=common_settings.risk_url)
    try:
        r = await client.post(
            "/v1/projects/PAY/change-requests",
            json={"title": "Receipts by SMS", "affected_items": ["PAY-3"]},
            headers=auth("tpm", "PAY"),
        )
        assert r.status_code == 201, r.text
        impact = r.json()["impact"]
        assert impact["complete"] is False
        assert [u["part"] for u in impact["unknown"]] == ["risks"] and "risk-svc" in impact["unknown"][0][
            "reason"
        ]
        assert impact["risks"] == [] and impact["requirement_change_risk"] is None
        assert [t["version"] for t in impact["releases"]] == ["1.2.0", "1.1.0"]
    finally:
        await siblings["risk"].aclose()
        siblings["risk"] = working
    # Back up: an edit recomputes the whole impact.
    r = await client.patch("/v1/change-requests/PAY-CR1", json={"date_delta_days": 2}, headers=auth())
    assert r.status_code == 200, r.text
    impact = r.json()["impact"]
    assert impact["complete"] is True and [x["linked_items"] for x in impact["risks"]] == [["PAY-3"]]


async def test_scope_and_risk_queries_are_read_only_and_checked(wired, auth):
    rel, rsk = wired["release"], wired["risk"]
    r = await rel.post(
        "/v1/releases/scope-query", json={"project_key": "PAY", "item_keys": ["pay-1"]}, headers=auth()
    )
    assert r.status_code == 422
    r = await rel.post(
        "/v1/releases/scope-query",
        json={"project_key": "PAY", "item_keys": ["PAY-1"]},
        headers=auth("viewer", "OPS"),
    )
    assert r.status_code == 403
    r = await rsk.post("/v1/risks/impact-query", json={"project_key": "PAY", "extra": 1}, headers=auth())
    assert r.status_code == 422
    r = await rsk.post("/v1/risks/impact-query", json={"project_key": "PAY"}, headers=auth("viewer", "OPS"))
    assert r.status_code == 403
    r = await rsk.post("/v1/risks/impact-query", json={"project_key": "PAY"}, headers=auth("viewer", "PAY"))
    assert r.status_code == 200 and r.json()["linked"] == []
    assert r.json()["requirement_change_risk"]["probability"] == 2
