"""Escalation: automatic (critical, or high and overdue for too long) in the background check, safe with
several replicas; manual escalate and de-escalate; the `risk.escalated` event."""

import asyncio
from datetime import UTC, datetime, timedelta

from risk_svc.escalations.models import RiskEscalation
from risk_svc.escalations.service import check_escalations
from risk_svc.main import create_app
from sqlalchemy import func, select
from tpmhub_shared.events import OutboxEvent
from tpmhub_shared.testing.plugin import LifespanClient


async def _events(app, type_="risk.escalated"):
    async with app.state.db.session(write=False) as session:
        rows = await session.execute(
            select(OutboxEvent).where(OutboxEvent.type == type_).order_by(OutboxEvent.id)
        )
        return list(rows.scalars())


async def _escalation_count(app):
    async with app.state.db.session(write=False) as session:
        return (await session.execute(select(func.count()).select_from(RiskEscalation))).scalar_one()


async def test_critical_risk_is_escalated_at_once_with_an_event(client, auth, app, create):
    body = await create(probability=5, impact=5)
    assert body["level"] == "critical" and body["escalated"] is True
    events = await _events(app)
    assert [(e.subject, e.data["trigger"], e.data["level"]) for e in events] == [
        ("PAY-R1", "critical", "critical")
    ]
    records = (await client.get("/v1/risks/PAY-R1/escalations", headers=auth())).json()["items"]
    assert [(r["trigger"], r["escalated_by"]) for r in records] == [("critical", "risk-svc")]
    # A high risk reassessed to critical is escalated in the same transaction.
    await create()
    r = await client.post(
        "/v1/risks/PAY-R2/assessments", json={"probability": 5, "impact": 4}, headers=auth()
    )
    assert r.status_code == 201
    assert (await client.get("/v1/risks/PAY-R2", headers=auth())).json()["escalated"] is True
    assert len(await _events(app)) == 2


async def test_manual_escalate_and_deescalate(client, auth, app, create):
    await create()
    h = auth("tpm", "PAY")
    assert (await client.post("/v1/risks/PAY-R1/escalate", json={}, headers=h)).status_code == 422
    assert (
        await client.post("/v1/risks/PAY-R1/escalate", json={"reason": "   "}, headers=h)
    ).status_code == 422
    r = await client.post(
        "/v1/risks/PAY-R1/escalate", json={"reason": "x"}, headers=auth("engineer", "PAY", sub="eve")
    )
    assert r.status_code == 403
    r = await client.post("/v1/risks/PAY-R1/deescalate", json={"reason": "fine"}, headers=h)
    assert r.status_code == 409 and r.json()["allowed_actions"] == ["escalate"]
    r = await client.post("/v1/risks/PAY-R1/escalate", json={"reason": "needs the VP"}, headers=h)
    assert r.status_code == 200 and r.json()["escalated"] is True
    r = await client.post("/v1/risks/PAY-R1/escalate", json={"reason": "again"}, headers=h)
    assert r.status_code == 409 and r.json()["allowed_actions"] == ["deescalate"]
    events = await _events(app)
    assert [(e.data["trigger"], e.data["reason"], e.data["escalated_by"]) for e in events] == [
        ("manual", "needs the VP", "alice")
    ]
    # The owner may escalate but only tpm/pm/admin de-escalate.
    r = await client.post(
        "/v1/risks/PAY-R1/deescalate", json={"reason": "ok"}, headers=auth("engineer", "PAY", sub="bob")
    )
    assert r.status_code == 403
    r = await client.post("/v1/risks/PAY-R1/deescalate", json={"reason": "VP decided"}, headers=h)
    assert r.status_code == 200 and r.json()["escalated"] is False
    records = (await client.get("/v1/risks/PAY-R1/escalations", headers=h)).json()["items"]
    assert records[0]["resolved_by"] == "alice" and records[0]["resolve_reason"] == "VP decided"
    hist = [e["action"] for e in (await client.get("/v1/risks/PAY-R1/history", headers=h)).json()["items"]]
    assert hist[-2:] == ["escalate", "deescalate"]


async def test_automatic_check_high_with_overdue_review_or_action(client, auth, app, create):
    now = datetime.now(UTC)
    await create(title="high, review due in 14 days")  # R1
    await create(title="high, overdue action")  # R2
    await create(
        title="medium, overdue", probability=2, impact=3, residual_probability=None, residual_impact=None
    )  # R3
    r = await client.post(
        "/v1/risks/PAY-R2/actions",
        json={"title": "a", "owner": "bob", "due_date": str((now - timedelta(days=10)).date())},
        headers=auth(),
    )
    assert r.status_code == 201
    db = app.state.db
    assert await check_escalations(db, now=now, high_overdue_days=7) == ["PAY-R2"]
    # The review of R1 is 14 days out: overdue by 5 days after 19 days — not yet; by 8 days after 22 — yes.
    assert await check_escalations(db, now=now + timedelta(days=19), high_overdue_days=7) == []
    assert await check_escalations(db, now=now + timedelta(days=22), high_overdue_days=7) == ["PAY-R1"]
    assert await check_escalations(db, now=now + timedelta(days=200), high_overdue_days=7) == []
    events = await _events(app)
    assert [(e.subject, e.data["trigger"]) for e in events] == [
        ("PAY-R2", "high_overdue"),
        ("PAY-R1", "high_overdue"),
    ]
    # De-escalated at high: the check leaves it alone until its level changes.
    h = auth("tpm", "PAY")
    assert (
        await client.post("/v1/risks/PAY-R2/deescalate", json={"reason": "accepted"}, headers=h)
    ).status_code == 200
    assert await check_escalations(db, now=now, high_overdue_days=7) == []
    r = await client.patch("/v1/risks/PAY-R2", json={"impact": 5}, headers=h)
    assert r.json()["level"] == "critical" and r.json()["escalated"] is True


async def test_concurrent_checks_escalate_each_risk_once(client, auth, app, create):
    for _ in range(6):
        await create()  # high, review due in 14 days
    later = datetime.now(UTC) + timedelta(days=60)
    results = await asyncio.gather(
        *[check_escalations(app.state.db, now=later, high_overdue_days=7) for _ in range(4)]
    )
    escalated = sorted(k for keys in results for k in keys)
    assert escalated == sorted(f"PAY-R{n}" for n in range(1, 7))
    assert await _escalation_count(app) == 6
    assert len(await _events(app)) == 6


async def test_background_worker_escalates_with_injected_clock(client, auth, risk_settings, create):
    await create()
    settings = risk_settings.model_copy(
        update={"background_enabled": True, "escalation_interval_seconds": 0.05}
    )
    worker_app = create_app(settings)
    worker_app.state.clock = lambda: datetime.now(UTC) + timedelta(days=30)
    async with LifespanClient(worker_app):
        for _ in range(100):
            if (await client.get("/v1/risks/PAY-R1", headers=auth())).json()["escalated"]:
                break
            await asyncio.sleep(0.05)
    risk = (await client.get("/v1/risks/PAY-R1", headers=auth())).json()
    assert risk["escalated"] is True
    records = (await client.get("/v1/risks/PAY-R1/escalations", headers=auth())).json()["items"]
    assert [r["trigger"] for r in records] == ["high_overdue"]


async def test_every_new_risk_emits_risk_created_once(client, auth, app, create):
    from tpmhub_shared.events.types import BY_TYPE

    await create(probability=2, impact=2, residual_probability=1, residual_impact=1, owner="dave")
    await create(probability=5, impact=5)  # critical: created, then escalated in the same transaction
    refused = await client.post(
        "/v1/projects/PAY/risks", json={"title": "no role"}, headers=auth("viewer", "PAY")
    )
    assert refused.status_code in (403, 422)
    created = await _events(app, "risk.created")
    assert [(e.subject, e.data["level"]) for e in created] == [("PAY-R1", "low"), ("PAY-R2", "critical")]
    for e in created:
        BY_TYPE["risk.created"].model.model_validate(e.data)
    assert created[0].data["owner"] == "dave" and created[0].data["change_request_id"] is None
    async with app.state.db.session(write=False) as session:
        order = [
            t
            for (t,) in await session.execute(
                select(OutboxEvent.type).where(OutboxEvent.subject == "PAY-R2").order_by(OutboxEvent.id)
            )
        ]
    assert order == ["risk.created", "risk.escalated"]
