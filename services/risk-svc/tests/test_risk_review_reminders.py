"""Review reminders: one `risk.review_due` event per owner per UTC day listing the open risks whose review
is due that day or overdue — also when two replicas run the check at the same moment on one database."""

import asyncio
from datetime import UTC, datetime, timedelta

from risk_svc.main import create_app
from risk_svc.reviews.models import RiskReviewReminder
from risk_svc.reviews.reminders import check_review_reminders
from sqlalchemy import func, select
from tpmhub_shared.events import OutboxEvent
from tpmhub_shared.events.types import BY_TYPE
from tpmhub_shared.testing.plugin import LifespanClient

T0 = datetime(2027, 3, 10, 10, 0, tzinfo=UTC)


async def _reminders(app):
    async with app.state.db.session(write=False) as session:
        rows = await session.execute(
            select(OutboxEvent).where(OutboxEvent.type == "risk.review_due").order_by(OutboxEvent.id)
        )
        return list(rows.scalars())


async def _register(client, auth, app, create):
    """bob: PAY-R1 medium due today at 15:00, PAY-R2 high overdue by 2 days, PAY-R5 closed (overdue);
    carol: PAY-R3 high overdue by 1 day, PAY-R4 low not due for weeks; PAY-R6 has no owner."""
    clock = {"now": T0}
    app.state.clock = lambda: clock["now"]

    async def at(when, **fields):
        clock["now"] = when
        return await create(**fields)

    medium = {"probability": 2, "impact": 3, "residual_probability": None, "residual_impact": None}
    low = {"probability": 1, "impact": 2, "residual_probability": None, "residual_impact": None}
    await at(T0.replace(hour=15) - timedelta(days=30), owner="bob", title="Medium, due today", **medium)
    await at(T0 - timedelta(days=16), owner="bob", title="High, two days overdue")
    await at(T0 - timedelta(days=15), owner="carol", title="High, one day overdue")
    await at(T0 - timedelta(days=10), owner="carol", title="Low, due in 80 days", **low)
    await at(T0 - timedelta(days=20), owner="bob", title="High, closed")
    await at(T0 - timedelta(days=20), owner=None, title="Nobody owns it")
    clock["now"] = T0 - timedelta(days=1)
    r = await client.post(
        "/v1/risks/PAY-R5/close",
        json={"reason": "no_longer_applicable", "comment": "Processor replaced"},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 200, r.text
    return clock


async def _both_replicas(app, other, now):
    results = await asyncio.gather(
        check_review_reminders(app.state.db, now=now), check_review_reminders(other.state.db, now=now)
    )
    return sorted(pair for pairs in results for pair in pairs)


def _by_owner(events):
    return {e.data["owner"]: [(r["key"], r["days_overdue"]) for r in e.data["risks"]] for e in events}


async def test_one_reminder_per_owner_per_day_across_two_replicas(client, auth, app, create, risk_settings):
    clock = await _register(client, auth, app, create)
    other = create_app(risk_settings)  # a second replica on the same database
    async with LifespanClient(other):
        assert await _both_replicas(app, other, T0) == [("PAY", "bob"), ("PAY", "carol")]
        events = await _reminders(app)
        assert len(events) == 2
        assert _by_owner(events) == {"bob": [("PAY-R2", 2), ("PAY-R1", 0)], "carol": [("PAY-R3", 1)]}
        bob = next(e for e in events if e.data["owner"] == "bob")
        BY_TYPE["risk.review_due"].model.model_validate(bob.data)
        assert bob.subject == "PAY/bob" and bob.project_key == "PAY"
        assert bob.data["day"] == "2027-03-10" and bob.data["count"] == 2 and bob.data["overdue"] == 1
        r1 = next(r for r in bob.data["risks"] if r["key"] == "PAY-R1")
        assert r1["title"] == "Medium, due today" and r1["level"] == "medium"
        assert r1["due_date"] == "2027-03-10"

        # Later the same day (both replicas again): nothing more.
        assert await _both_replicas(app, other, T0.replace(hour=23, minute=59)) == []
        assert len(await _reminders(app)) == 2

        # The next day: again one each. bob reviewed PAY-R2 in the morning, so it is no longer listed.
        clock["now"] = T0 + timedelta(days=1) - timedelta(hours=2)
        r = await client.post(
            "/v1/risks/PAY-R2/reviews", json={"outcome": "unchanged"}, headers=auth("tpm", "PAY")
        )
        assert r.status_code == 201, r.text
        assert await _both_replicas(app, other, T0 + timedelta(days=1)) == [("PAY", "bob"), ("PAY", "carol")]
        events = await _reminders(app)
        assert len(events) == 4
        assert _by_owner(events[2:]) == {"bob": [("PAY-R1", 1)], "carol": [("PAY-R3", 2)]}
        assert all("PAY-R5" not in [r["key"] for r in e.data["risks"]] for e in events)
    async with app.state.db.session(write=False) as session:
        count = (await session.execute(select(func.count()).select_from(RiskReviewReminder))).scalar_one()
    assert count == 4


async def test_nothing_due_nothing_sent_and_reviewed_owner_drops_out(client, auth, app, create):
    clock = await _register(client, auth, app, create)
    assert await check_review_reminders(app.state.db, now=T0 - timedelta(days=3)) == []
    # carol reviews her only due risk before the check runs: only bob is reminded.
    clock["now"] = T0
    r = await client.post(
        "/v1/risks/PAY-R3/reviews", json={"outcome": "unchanged"}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 201
    assert await check_review_reminders(app.state.db, now=T0) == [("PAY", "bob")]
    # Closing everything of bob's: the next day nobody is reminded.
    for key in ("PAY-R1", "PAY-R2"):
        r = await client.post(
            f"/v1/risks/{key}/close",
            json={"reason": "mitigated", "comment": "done"},
            headers=auth("tpm", "PAY"),
        )
        assert r.status_code == 200, r.text
    assert await check_review_reminders(app.state.db, now=T0 + timedelta(days=1)) == []
    assert [e.data["owner"] for e in await _reminders(app)] == ["bob"]


async def test_background_worker_sends_with_the_service_clock(client, auth, app, create, risk_settings):
    await _register(client, auth, app, create)
    settings = risk_settings.model_copy(
        update={"background_enabled": True, "review_reminder_interval_seconds": 0.05}
    )
    worker_app = create_app(settings)
    worker_app.state.clock = lambda: T0
    async with LifespanClient(worker_app):
        for _ in range(100):
            if len(await _reminders(app)) == 2:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.2)  # a few more passes: still one per owner
    assert sorted(e.data["owner"] for e in await _reminders(app)) == ["bob", "carol"]
