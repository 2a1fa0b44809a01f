"""Numbers agree: for generated projects (items with random points, types, commit days, done days and
dropped scope, played day by day through the HTTP API on a moved clock), the iteration burndown endpoint,
the iteration itself and the weekly report give the same series and totals, the milestone API and the
report give the same points done, remaining and forecast — and both match the figures computed from the
generated plan."""

import asyncio
import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tpmhub_shared import ids
from tpmhub_shared.testing.plugin import truncate_all

START = date(2031, 3, 3)  # a Monday
WALK = ("ready", "in_progress", "in_review", "done")
CONTAINERS = ("epic", "feature")


@dataclass
class Planned:
    type: str
    points: int | None
    commit_day: int  # relative to START; negative: committed before the iteration starts
    done_day: int | None
    dropped_day: int | None  # moved to wont_do
    in_milestone: bool


@st.composite
def plans(draw):
    length = draw(st.integers(2, 8))
    today = draw(st.integers(0, length + 2))
    items = []
    for _ in range(draw(st.integers(1, 6))):
        commit = draw(st.integers(-2, max(-2, min(today, length))))
        end = draw(st.sampled_from(["open", "done", "dropped"]))
        when = draw(st.integers(commit, today)) if commit <= today else None
        items.append(
            Planned(
                type=draw(st.sampled_from(["story", "task", "bug", "spike", "epic"])),
                points=draw(st.none() | st.integers(0, 8)),
                commit_day=commit,
                done_day=when if end == "done" else None,
                dropped_day=when if end == "dropped" else None,
                in_milestone=draw(st.booleans()),
            )
        )
    target = draw(st.integers(-3, 20))
    return length, today, items, target


def at(day: int, hour: int) -> datetime:
    return datetime.combine(START + timedelta(days=day), time(hour), tzinfo=UTC)


def expected_day(items: list[Planned], d: int) -> tuple[float, float]:
    """(scope, remaining) at the end of day d, from the plan alone."""
    scope = remaining = 0.0
    for p in items:
        if p.commit_day > d or (p.dropped_day is not None and p.dropped_day <= d):
            continue
        scope += p.points or 0
        if p.done_day is None or p.done_day > d:
            remaining += p.points or 0
    return scope, remaining


async def play(client, auth, url, length, today, items, target):
    """Build the project day by day with the clock moved to each day; return what the API and the report
    say at the end of `today`."""
    h = auth("tpm", "PAY")
    await truncate_all(url)
    first = min(0, *(p.commit_day for p in items)) - 1
    ids.set_clock(lambda: at(first, 8))
    r = await client.post("/v1/projects", json={"key": "PAY", "name": "Payments"}, headers=auth("admin"))
    assert r.status_code == 201, r.text
    end = START + timedelta(days=length)
    r = await client.post(
        "/v1/projects/PAY/iterations",
        json={"name": "Sprint", "start_date": START.isoformat(), "end_date": end.isoformat()},
        headers=h,
    )
    assert r.status_code == 201, r.text
    iteration = r.json()["id"]
    milestones = []
    for name, offset in (("Beta", target), ("Empty", target)):
        r = await client.post(
            "/v1/projects/PAY/milestones",
            json={"name": name, "target_date": (START + timedelta(days=offset)).isoformat()},
            headers=h,
        )
        assert r.status_code == 201, r.text
        milestones.append(r.json()["id"])
    keys: dict[int, str] = {}
    for day in range(first + 1, today + 1):
        ids.set_clock(lambda day=day: at(day, 9))
        for n, p in enumerate(items):
            if p.commit_day == day:
                body = {"type": p.type, "title": f"Item {n}", "points": p.points}
                if p.in_milestone:
                    body["milestone_id"] = milestones[0]
                r = await client.post("/v1/projects/PAY/items", json=body, headers=h)
                assert r.status_code == 201, r.text
                keys[n] = r.json()["key"]
                commit = {"items": [keys[n]]}
                r = await client.post(f"/v1/iterations/{iteration}/commit", json=commit, headers=h)
                assert r.status_code == 200, r.text
        ids.set_clock(lambda day=day: at(day, 15))
        for n, p in enumerate(items):
            if p.done_day == day:
                for to in WALK:
                    r = await client.post(f"/v1/items/{keys[n]}/transition", json={"to": to}, headers=h)
                    assert r.status_code == 200, r.text
            if p.dropped_day == day:
                r = await client.post(f"/v1/items/{keys[n]}/transition", json={"to": "wont_do"}, headers=h)
                assert r.status_code == 200, r.text
    ids.set_clock(lambda: at(today, 20))
    v = auth("viewer", "PAY")
    burndown = (await client.get(f"/v1/iterations/{iteration}/burndown", headers=v)).json()["days"]
    it = (await client.get(f"/v1/iterations/{iteration}", headers=v)).json()
    r = await client.get(
        "/v1/projects/PAY/reports",
        params={"period": "week", "date": (START + timedelta(days=today)).isoformat()},
        headers=v,
    )
    assert r.status_code == 200, r.text
    report = r.json()
    ms = [(await client.get(f"/v1/milestones/{m}", headers=v)).json() for m in milestones]
    return burndown, it, report, ms


async def test_burndown_and_milestone_figures_agree_between_api_and_report(client, auth, req_settings):
    loop = asyncio.get_running_loop()

    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
    @given(plans())
    def check(plan):
        length, today, items, target = plan
        try:
            burndown, it, report, (beta, empty) = asyncio.run_coroutine_threadsafe(
                play(client, auth, req_settings.database_url, *plan), loop
            ).result(timeout=300)
        finally:
            ids.set_clock(None)

        # Burndown: the endpoint, the plan and the report give the same series.
        last = min(today, length)
        assert [d["date"] for d in burndown] == [
            (START + timedelta(days=i)).isoformat() for i in range(last + 1)
        ]
        for i, d in enumerate(burndown):
            scope, remaining = expected_day(items, i)
            assert (d["scope_points"], d["remaining_points"]) == (scope, remaining), (i, d)
            assert d["ideal_points"] == round(max(0.0, scope * (1 - i / max(1, length))), 2)
        progress = report["progress"]
        series = progress["burndown"]
        assert [(b["date"], b["remaining"], b["ideal"]) for b in series[: len(burndown)]] == [
            (d["date"], d["remaining_points"], d["ideal_points"]) for d in burndown
        ]
        assert all(b["remaining"] is None for b in series[len(burndown) :])
        assert len(series) == length + 1
        # The iteration's totals: the same in the report and on the burndown's last day, and — while the
        # iteration runs (the burndown stops at its end) — on the iteration itself.
        brief = progress["iteration"]
        assert (brief["committed_points"], brief["remaining_points"]) == (
            burndown[-1]["scope_points"],
            burndown[-1]["remaining_points"],
        )
        if today <= length:
            assert it["committed_points"] == brief["committed_points"]
            assert it["committed_points"] - it["done_points"] == brief["remaining_points"]

        # Milestones: the API and the report agree, and match the plan.
        counted = [p for p in items if p.in_milestone and p.type not in CONTAINERS and p.dropped_day is None]
        done = [p for p in counted if p.done_day is not None]
        [m_beta, m_empty] = sorted(progress["milestones"], key=lambda m: m["name"])
        assert m_beta["id"] == beta["id"] and m_empty["id"] == empty["id"]
        total = sum(p.points or 0 for p in counted)
        assert beta["progress"]["points_total"] == m_beta["points_total"] == total
        assert beta["progress"]["points_done"] == m_beta["points_done"] == sum(p.points or 0 for p in done)
        assert beta["progress"]["points_remaining"] == m_beta["remaining_points"]
        assert beta["progress"]["open_items"] == m_beta["open_items"] == len(counted) - len(done)
        assert beta["progress"]["items_total"] == m_beta["items_total"] == len(counted)
        if not counted:
            assert beta["forecast"] is None
            assert m_beta["projected_finish"] is None and m_beta["slip_days"] is None
        else:
            assert beta["forecast"]["projected_finish"] == m_beta["projected_finish"]
            assert beta["forecast"]["slip_days"] == m_beta["slip_days"]
            assert beta["forecast"]["velocity_points_per_day"] == progress["velocity_points_per_day"]
            finish = m_beta["projected_finish"]
            remaining = m_beta["remaining_points"]
            target_day = START + timedelta(days=target)
            velocity = beta["forecast"]["velocity_points_per_day"]
            if not len(counted) - len(done):
                last_done = max(p.done_day for p in done)
                assert finish == (START + timedelta(days=last_done)).isoformat()
            elif remaining <= 0:
                assert finish == (START + timedelta(days=today)).isoformat()
            elif velocity > 0:
                # Velocity as published is rounded; the projection uses the exact figure.
                days = (date.fromisoformat(finish) - (START + timedelta(days=today))).days
                assert abs(days - math.ceil(remaining / velocity)) <= 1
            else:
                assert finish is None
            if finish is not None:
                assert m_beta["slip_days"] == (date.fromisoformat(finish) - target_day).days
        # A milestone without items has no forecast, in the API and in the report.
        assert empty["forecast"] is None and empty["progress"]["items_total"] == 0
        assert m_empty["projected_finish"] is None and m_empty["slip_days"] is None

    await asyncio.to_thread(check)
