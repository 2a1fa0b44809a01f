"""Scheduled reports: schedules with a local time and time zone, the scheduler posting the Markdown report
through the outbox exactly once per period even with several replicas."""

import asyncio
import socket
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from requirements_svc.reports import schedules
from requirements_svc.reports.models import ReportDelivery, ReportSchedule
from sqlalchemy import func, select
from tpmhub_shared.db import Database
from tpmhub_shared.events import OutboxEvent
from tpmhub_shared.events.subscriptions.formats import render
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.ids import utcnow

URL = "/v1/projects/PAY/report-schedules"


@pytest.fixture
async def project(client, auth):
    r = await client.post("/v1/projects", json={"key": "PAY", "name": "Payments"}, headers=auth("tpm"))
    assert r.status_code == 201, r.text


@pytest.fixture
async def db(req_settings):
    database = Database(req_settings.database_url)
    yield database
    await database.dispose()


@pytest.fixture
async def siblings_down(req_settings):
    """Siblings on ports nobody listens on: the scheduled report still goes out, sections unavailable."""
    out = {}
    for name in ("risk", "release"):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        out[name] = SiblingClient(
            name=f"{name}-svc",
            base_url=f"http://127.0.0.1:{port}",
            settings=req_settings.common,
            caller="requirements-svc",
            timeout=0.3,
        )
    yield out
    for client in out.values():
        await client.aclose()


# ---- schedules over HTTP ------------------------------------------------------------------------------


async def test_create_list_and_delete(client, auth, project):
    r = await client.post(
        URL,
        json={"cadence": "daily", "time": "18:00", "timezone": "Asia/Shanghai"},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201, r.text
    daily = r.json()
    assert daily["time"] == "18:00" and daily["weekday"] is None and daily["enabled"] is True
    next_run = datetime.fromisoformat(daily["next_run_at"])
    assert next_run > utcnow() and next_run.astimezone(UTC).strftime("%H:%M") == "10:00"  # 18:00 in UTC+8
    r = await client.post(
        URL,
        json={"cadence": "weekly", "time": "09:30", "timezone": "Europe/Berlin", "weekday": "friday"},
        headers=auth("pm", "PAY"),
    )
    assert r.status_code == 201, r.text
    assert datetime.fromisoformat(r.json()["next_run_at"]).astimezone(UTC).weekday() == 4
    r = await client.post(
        URL, json={"cadence": "daily", "time": "07:00", "timezone": "UTC"}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 409
    listed = (await client.get(URL, headers=auth("viewer", "PAY"))).json()
    assert [s["cadence"] for s in listed] == ["daily", "weekly"]
    assert (await client.delete(f"{URL}/daily", headers=auth("engineer", "PAY"))).status_code == 403
    assert (await client.delete(f"{URL}/daily", headers=auth("tpm", "PAY"))).status_code == 204
    assert (await client.delete(f"{URL}/daily", headers=auth("tpm", "PAY"))).status_code == 404
    assert (await client.delete(f"{URL}/hourly", headers=auth("tpm", "PAY"))).status_code == 422
    assert [s["cadence"] for s in (await client.get(URL, headers=auth("viewer", "PAY"))).json()] == ["weekly"]


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"cadence": "daily", "time": "25:00", "timezone": "UTC"}, "body.time"),
        ({"cadence": "daily", "time": "7pm", "timezone": "UTC"}, "body.time"),
        ({"cadence": "daily", "time": "18:60", "timezone": "UTC"}, "body.time"),
        ({"cadence": "daily", "time": "18:00", "timezone": "Mars/Olympus"}, "body.timezone"),
        ({"cadence": "daily", "time": "18:00", "timezone": "../../etc/passwd"}, "body.timezone"),
        ({"cadence": "daily", "time": "18:00", "timezone": ""}, "body.timezone"),
        ({"cadence": "daily", "time": "18:00", "timezone": "America"}, "body.timezone"),
        ({"cadence": "hourly", "time": "18:00", "timezone": "UTC"}, "body.cadence"),
        ({"cadence": "weekly", "time": "18:00", "timezone": "UTC"}, "body"),
        ({"cadence": "weekly", "time": "18:00", "timezone": "UTC", "weekday": "funday"}, "body.weekday"),
        ({"cadence": "daily", "time": "18:00", "timezone": "UTC", "weekday": "monday"}, "body"),
        ({"cadence": "daily", "time": "18:00", "timezone": "UTC", "channel": "#pay"}, "body.channel"),
    ],
)
async def test_invalid_schedules_are_422(client, auth, project, body, loc):
    r = await client.post(URL, json=body, headers=auth("tpm", "PAY"))
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert any(e["loc"] == loc or e["loc"].startswith(loc + ".") for e in r.json()["errors"]), r.json()[
        "errors"
    ]
    assert (await client.get(URL, headers=auth("viewer", "PAY"))).json() == []


async def test_roles_and_unknown_project(client, auth, project):
    body = {"cadence": "daily", "time": "18:00", "timezone": "UTC"}
    for role in ("engineer", "viewer", "qa", "ci"):
        assert (await client.post(URL, json=body, headers=auth(role, "PAY"))).status_code == 403, role
    r = await client.post("/v1/projects/NOPE/report-schedules", json=body, headers=auth("admin"))
    assert r.status_code == 404
    assert (await client.get(URL)).status_code == 401


# ---- moments in time zones ----------------------------------------------------------------------------


def schedule(cadence="daily", at="09:00", tz="Asia/Shanghai", weekday=None) -> ReportSchedule:
    return ReportSchedule(
        project_key="PAY",
        cadence=cadence,
        time_of_day=at,
        timezone=tz,
        weekday=weekday,
        created_by="t",
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_last_and_next_moment_in_the_schedules_time_zone():
    row = schedule()  # 09:00 in Shanghai = 01:00 UTC
    now = datetime(2026, 11, 20, 0, 30, tzinfo=UTC)  # 08:30 local: today's moment has not come
    assert schedules.last_moment(row, now) == datetime(2026, 11, 19, 1, 0, tzinfo=UTC)
    assert schedules.next_moment(row, now) == datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
    now = datetime(2026, 11, 20, 1, 5, tzinfo=UTC)
    assert schedules.last_moment(row, now) == datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
    weekly = schedule("weekly", "17:00", "America/New_York", weekday=4)  # Fridays 17:00 New York
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # Monday
    assert schedules.last_moment(weekly, now) == datetime(2026, 11, 20, 22, 0, tzinfo=UTC)  # EST = UTC-5
    assert schedules.next_moment(weekly, now) == datetime(2026, 11, 27, 22, 0, tzinfo=UTC)


def test_daylight_saving_is_followed():
    row = schedule(at="09:00", tz="Europe/Berlin")
    assert schedules.last_moment(row, datetime(2026, 7, 1, 12, tzinfo=UTC)) == datetime(
        2026, 7, 1, 7, tzinfo=UTC
    )
    assert schedules.last_moment(row, datetime(2026, 12, 1, 12, tzinfo=UTC)) == datetime(
        2026, 12, 1, 8, tzinfo=UTC
    )


# ---- the scheduler ------------------------------------------------------------------------------------


async def _count(db, model, *where) -> int:
    async with db.session(write=False) as s:
        return (await s.execute(select(func.count()).select_from(model).where(*where))).scalar_one()


async def test_due_period_is_sent_once_across_replicas(client, auth, project, req_settings, siblings_down):
    r = await client.post(
        URL,
        json={"cadence": "daily", "time": "09:00", "timezone": "Asia/Shanghai"},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201
    later = utcnow() + timedelta(days=2)
    local_day = schedules.last_moment(schedule(), later).astimezone(ZoneInfo("Asia/Shanghai")).date()
    replicas = [Database(req_settings.database_url) for _ in range(3)]
    try:
        sent = await asyncio.gather(*[schedules.run_due(db, siblings_down, later) for db in replicas])
        assert sum(sent) == 1, sent
        again = await asyncio.gather(*[schedules.run_due(db, siblings_down, later) for db in replicas])
        assert sum(again) == 0
        db = replicas[0]
        assert await _count(db, ReportDelivery) == 1
        assert await _count(db, OutboxEvent, OutboxEvent.type == "report.scheduled") == 1
        async with db.session(write=False) as s:
            event = (
                await s.execute(select(OutboxEvent).where(OutboxEvent.type == "report.scheduled"))
            ).scalar_one()
        assert event.subject == f"PAY/day/{local_day.isoformat()}"
        assert event.data["period_start"] == local_day.isoformat()
        md = event.data["markdown"]
        assert md.startswith(f"# Payments (PAY) — Daily report {local_day.isoformat()}")
        assert "Risk section unavailable" in md
        # The chat formats post the Markdown itself.
        body, _ = render(event.envelope(), "dingtalk")
        assert b"Daily report" in body and b"## Progress" in body
        deliveries = (
            await client.get("/v1/projects/PAY/report-deliveries", headers=auth("viewer", "PAY"))
        ).json()
        assert [(d["period_kind"], d["period_start"]) for d in deliveries] == [("day", local_day.isoformat())]
        assert deliveries[0]["event_id"] == str(event.id)
    finally:
        for db in replicas:
            await db.dispose()


async def test_nothing_before_the_time_or_before_the_schedule_existed(
    client, auth, project, db, siblings_down
):
    now = utcnow()
    at = (now + timedelta(hours=1)).strftime("%H:%M")
    r = await client.post(
        URL, json={"cadence": "daily", "time": at, "timezone": "UTC"}, headers=auth("tpm", "PAY")
    )
    assert r.status_code == 201
    # Today's moment is an hour away and yesterday's came before the schedule existed.
    assert await schedules.run_due(db, siblings_down, now) == 0
    assert await schedules.run_due(db, siblings_down, now + timedelta(hours=1, minutes=1)) == 1
    assert await schedules.run_due(db, siblings_down, now + timedelta(hours=2)) == 0


async def test_weekly_schedule_reports_the_week(client, auth, project, db, siblings_down):
    r = await client.post(
        URL,
        json={"cadence": "weekly", "time": "17:00", "timezone": "UTC", "weekday": "friday"},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201
    later = utcnow() + timedelta(days=8)
    assert await schedules.run_due(db, siblings_down, later) == 1
    async with db.session(write=False) as s:
        delivery = (await s.execute(select(ReportDelivery))).scalar_one()
    assert delivery.period_kind == "week" and delivery.period_start.weekday() == 0


async def test_disabled_schedule_sends_nothing(client, auth, project, db, siblings_down):
    r = await client.post(
        URL,
        json={"cadence": "daily", "time": "00:00", "timezone": "UTC", "enabled": False},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 201 and r.json()["next_run_at"] is None
    assert await schedules.run_due(db, siblings_down, utcnow() + timedelta(days=2)) == 0
