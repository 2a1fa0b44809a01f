"""GET /v1/projects/{key}/risk-summary: the register over a period for requirements-svc's health and
reports."""

from datetime import UTC, datetime

import pytest

CLOSE = {"reason": "mitigated", "comment": "Mitigation done"}

T0 = datetime(2026, 11, 10, 10, 0, tzinfo=UTC)


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=UTC)


@pytest.fixture
async def register(client, auth, app, create):
    """R1 high (4×4) with an action due 11-12, R2 critical (5×4, escalated on creation), R3 low (1×2) closed
    on 11-12; all identified on 11-10."""
    app.state.clock = lambda: T0
    await create(title="Processor cap")
    await create(
        title="Ledger migration", probability=5, impact=4, residual_probability=None, residual_impact=None
    )
    await create(
        title="Typo in receipts", probability=1, impact=2, residual_probability=None, residual_impact=None
    )
    h = auth("tpm", "PAY")
    r = await client.post(
        "/v1/risks/PAY-R1/actions",
        json={"title": "Negotiate cap", "owner": "bob", "due_date": "2026-11-12"},
        headers=h,
    )
    assert r.status_code == 201, r.text
    app.state.clock = lambda: at(12)
    r = await client.post("/v1/risks/PAY-R3/close", json=CLOSE, headers=h)
    assert r.status_code == 200, r.text
    app.state.clock = lambda: at(20)
    return h


async def test_summary_of_a_period(client, auth, register):
    r = await client.get(
        "/v1/projects/PAY/risk-summary",
        params={"from": "2026-11-09", "to": "2026-11-15", "trend_from": "2026-11-08"},
        headers=auth("viewer", "PAY"),
    )
    assert r.status_code == 200, r.text
    s = r.json()
    assert s["from_date"] == "2026-11-09" and s["to_date"] == "2026-11-15"
    assert [x["key"] for x in s["new"]] == ["PAY-R1", "PAY-R2", "PAY-R3"]
    assert [x["key"] for x in s["closed"]] == ["PAY-R3"]
    assert [x["key"] for x in s["escalated"]] == ["PAY-R2"]
    assert s["open_count"] == 2 and s["exposure"] == 36
    series = {p["date"]: (p["exposure"], p["open"]) for p in s["exposure_series"]}
    assert list(series) == [f"2026-11-{d:02d}" for d in range(8, 16)]
    assert series["2026-11-08"] == (0, 0)
    assert series["2026-11-10"] == (38, 3) and series["2026-11-11"] == (38, 3)
    assert series["2026-11-12"] == (36, 2) and series["2026-11-15"] == (36, 2)
    assert [(x["key"], x["score"]) for x in s["top"]] == [("PAY-R2", 20), ("PAY-R1", 16)]
    assert sorted((c["probability"], c["impact"], c["count"]) for c in s["heatmap"]) == [(4, 4, 1), (5, 4, 1)]
    assert [(x["key"], x["age_days"]) for x in s["critical"]] == [("PAY-R2", 10)]
    [esc] = s["unresolved_escalations"]
    assert esc["risk_key"] == "PAY-R2" and esc["trigger"] == "critical" and esc["age_days"] == 10
    assert [(a["risk_key"], a["days_overdue"]) for a in s["overdue_actions"]] == [("PAY-R1", 8)]
    # Critical reviews are due weekly: identified 11-10, due 11-17, three days late on 11-20.
    assert [(o["key"], o["days_overdue"]) for o in s["overdue_reviews"]] == [("PAY-R2", 3)]


async def test_a_later_period_has_no_new_risks_and_a_flat_trend(client, auth, register):
    r = await client.get(
        "/v1/projects/PAY/risk-summary",
        params={"from": "2026-11-16", "to": "2026-11-20"},
        headers=auth("viewer", "PAY"),
    )
    s = r.json()
    assert s["new"] == [] and s["closed"] == [] and s["escalated"] == []
    assert [p["exposure"] for p in s["exposure_series"]] == [36] * 5
    assert s["unresolved_escalations"][0]["age_days"] == 10


async def test_resolved_escalation_is_not_listed(client, auth, register):
    r = await client.post("/v1/risks/PAY-R2/deescalate", json={"reason": "board informed"}, headers=register)
    assert r.status_code == 200, r.text
    s = (
        await client.get(
            "/v1/projects/PAY/risk-summary",
            params={"from": "2026-11-16", "to": "2026-11-20"},
            headers=auth("viewer", "PAY"),
        )
    ).json()
    assert s["unresolved_escalations"] == []


async def test_empty_project(client, auth, app):
    app.state.clock = lambda: at(20)
    s = (
        await client.get(
            "/v1/projects/NEW/risk-summary",
            params={"from": "2026-11-20", "to": "2026-11-20"},
            headers=auth("viewer", "NEW"),
        )
    ).json()
    assert s["open_count"] == 0 and s["top"] == [] and s["heatmap"] == []
    assert s["exposure_series"] == [{"date": "2026-11-20", "exposure": 0, "open": 0}]


@pytest.mark.parametrize(
    ("params", "loc"),
    [
        ({"from": "2026-11-20", "to": "2026-11-10"}, "query.from"),
        ({"from": "2026-13-01", "to": "2026-11-10"}, "query.from"),
        ({"from": "2026-11-10"}, "query.to"),
        ({"from": "2026-11-25", "to": "2026-11-26"}, "query.from"),
        ({"from": "2026-01-01", "to": "2026-11-20"}, "query.from"),
        ({"from": "2026-11-10", "to": "2026-11-12", "trend_from": "2026-11-11"}, "query.trend_from"),
    ],
)
async def test_bad_periods_are_422(client, auth, app, params, loc):
    app.state.clock = lambda: at(20)
    r = await client.get("/v1/projects/PAY/risk-summary", params=params, headers=auth("viewer", "PAY"))
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert loc in [e["loc"] for e in r.json()["errors"]]


async def test_auth_and_project_key(client, auth, make_token):
    params = {"from": "2026-11-10", "to": "2026-11-10"}
    assert (await client.get("/v1/projects/PAY/risk-summary", params=params)).status_code == 401
    assert (
        await client.get("/v1/projects/PAY/risk-summary", params=params, headers=auth("admin", "OPS"))
    ).status_code == 403
    assert (
        await client.get("/v1/projects/pay/risk-summary", params=params, headers=auth())
    ).status_code == 422
    service = {"Authorization": f"Bearer {make_token(roles={'*': 'viewer'}, service='requirements-svc')}"}
    assert (
        await client.get("/v1/projects/PAY/risk-summary", params=params, headers=service)
    ).status_code == 200
