"""Views aggregated in SQL: heatmap, top-N, exposure trend (burndown), CSV export; and the
change_request.approved handler."""

import csv
import io
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from risk_svc.risks.change_requests import derive_scores
from risk_svc.risks.handlers import HANDLERS
from tpmhub_shared.contracts import ChangeRequestApproved
from tpmhub_shared.events import CloudEvent

CLOSE = {"reason": "mitigated", "comment": "Mitigation done"}


async def test_heatmap_inherent_and_residual(client, auth, create):
    await create()  # 4×4, residual 2×3
    await create(residual_probability=None, residual_impact=None)  # 4×4
    await create(probability=1, impact=5, residual_probability=None, residual_impact=None)
    await create(kind="opportunity", response_strategy="exploit")  # not a threat
    await create(probability=2, impact=2, residual_probability=None, residual_impact=None)
    assert (await client.post("/v1/risks/PAY-R5/close", json=CLOSE, headers=auth())).status_code == 200
    h = auth("viewer", "PAY")
    r = await client.get("/v1/projects/PAY/risks/heatmap", headers=h)
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 3 and len(body["cells"]) == 25
    counts = {(c["probability"], c["impact"]): c["count"] for c in body["cells"] if c["count"]}
    assert counts == {(4, 4): 2, (1, 5): 1}
    cell = next(c for c in body["cells"] if (c["probability"], c["impact"]) == (4, 4))
    assert cell["score"] == 16 and cell["level"] == "high"
    body = (
        await client.get("/v1/projects/PAY/risks/heatmap", params={"basis": "residual"}, headers=h)
    ).json()
    counts = {(c["probability"], c["impact"]): c["count"] for c in body["cells"] if c["count"]}
    assert counts == {(2, 3): 1, (4, 4): 1, (1, 5): 1}
    r = await client.get("/v1/projects/PAY/risks/heatmap", params={"basis": "both"}, headers=h)
    assert r.status_code == 422
    assert (
        await client.get("/v1/projects/PAY/risks/heatmap", headers=auth("viewer", "OPS"))
    ).status_code == 403


async def test_top_n_by_exposure(client, auth, create):
    await create(title="a", cost_impact=1000)  # 16, emv 700
    await create(title="b", cost_impact=90000)  # 16, emv 63000
    await create(title="c", probability=5, impact=5, residual_probability=1, residual_impact=1)  # 25
    await create(title="d", probability=1, impact=1, residual_probability=None, residual_impact=None)
    r = await client.get("/v1/projects/PAY/risks/top", params={"n": 3}, headers=auth("viewer", "PAY"))
    assert [x["title"] for x in r.json()] == ["c", "b", "a"]
    r = await client.get("/v1/projects/PAY/risks/top", params={"n": 2, "basis": "residual"}, headers=auth())
    assert [x["title"] for x in r.json()] == ["b", "a"]
    assert (
        await client.get("/v1/projects/PAY/risks/top", params={"n": 0}, headers=auth())
    ).status_code == 422


async def test_exposure_trend_is_the_burndown(client, auth, app, create):
    today = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
    day = lambda n: today - timedelta(days=n)  # noqa: E731
    app.state.clock = lambda: day(5)
    await create(cost_impact=10000)  # 16 / 6 / 7000
    app.state.clock = lambda: day(4)
    await create(probability=2, impact=2, residual_probability=None, residual_impact=None, cost_impact=None)
    app.state.clock = lambda: day(3)
    r = await client.post(
        "/v1/risks/PAY-R1/assessments",
        json={"probability": 2, "impact": 4, "residual_probability": 1, "residual_impact": 2},
        headers=auth(),
    )
    assert r.status_code == 201  # 8 / 2 / 3000
    app.state.clock = lambda: day(1)
    assert (await client.post("/v1/risks/PAY-R2/close", json=CLOSE, headers=auth())).status_code == 200
    app.state.clock = None
    r = await client.get(
        "/v1/projects/PAY/risk-exposure",
        params={"from": str(day(6).date()), "to": str(today.date())},
        headers=auth("viewer", "PAY"),
    )
    assert r.status_code == 200, r.text
    periods = [(p["open_risks"], p["score"], p["residual_score"], p["emv"]) for p in r.json()["periods"]]
    assert periods == [
        (0, 0, 0, 0.0),  # day -6
        (1, 16, 6, 7000.0),  # day -5
        (2, 20, 10, 7000.0),  # day -4
        (2, 12, 6, 3000.0),  # day -3: R1 reassessed
        (2, 12, 6, 3000.0),  # day -2
        (1, 8, 2, 3000.0),  # day -1: R2 closed
        (1, 8, 2, 3000.0),  # today
    ]
    r = await client.get(
        "/v1/projects/PAY/risk-exposure",
        params={"from": str(day(6).date()), "to": str(today.date()), "interval": "week"},
        headers=auth(),
    )
    weeks = r.json()["periods"]
    assert weeks[-1]["open_risks"] == 1 and date.fromisoformat(weeks[0]["period_start"]).weekday() == 0
    r = await client.get(
        "/v1/projects/PAY/risk-exposure", params={"from": "2026-02-01", "to": "2026-01-01"}, headers=auth()
    )
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == "query.from"
    r = await client.get(
        "/v1/projects/PAY/risk-exposure", params={"from": "2020-01-01", "to": "2026-01-01"}, headers=auth()
    )
    assert r.status_code == 422
    r = await client.get("/v1/projects/PAY/risk-exposure", params={"from": "2026-01-01"}, headers=auth())
    assert r.status_code == 422


async def test_csv_export(client, auth, create):
    await create(title='=HYPERLINK("http://evil")', owner="bob")
    await create(
        title="Second, with comma", probability=1, impact=1, residual_probability=None, residual_impact=None
    )
    r = await client.get("/v1/projects/PAY/risks/export.csv", headers=auth("viewer", "PAY"))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["key"] for row in rows] == ["PAY-R1", "PAY-R2"]
    assert rows[0]["title"].startswith("'=") and rows[0]["score"] == "16" and rows[0]["emv"] == "35000.0"
    assert rows[1]["title"] == "Second, with comma" and rows[1]["residual_score"] == ""
    r = await client.get("/v1/projects/PAY/risks/export.csv", params={"status": "closed"}, headers=auth())
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == 0
    assert (
        await client.get("/v1/projects/PAY/risks/export.csv", headers=auth("viewer", "OPS"))
    ).status_code == 403


def _cr(**overrides) -> dict:
    data = {
        "change_request_id": str(uuid.uuid4()),
        "key": "PAY-CR3",
        "project_key": "PAY",
        "title": "Add wallet payments",
        "reason": "Sales commitment",
        "affected_items": ["PAY-1", "PAY-2", "OPS-9"],
        "points_delta": 5,
        "date_delta_days": 12,
        "affected_milestones": [],
        "criteria_to_reverify": 0,
        "approved_by": "dana",
        "approved_at": "2026-11-20T10:00:00Z",
    }
    return {**data, **overrides}


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"affected_items": [], "points_delta": 0, "date_delta_days": 0}, (2, 1)),
        ({"affected_items": ["PAY-1"], "points_delta": 2, "date_delta_days": 0}, (2, 2)),
        ({"affected_items": ["PAY-1", "PAY-2"], "points_delta": 5, "date_delta_days": 12}, (3, 4)),
        (
            {"affected_items": [f"PAY-{n}" for n in range(1, 8)], "points_delta": -30, "date_delta_days": 2},
            (4, 5),
        ),
        ({"affected_items": [f"PAY-{n}" for n in range(1, 20)], "criteria_to_reverify": 3}, (5, 4)),
        (
            {
                "affected_items": ["PAY-1"],
                "points_delta": 0,
                "date_delta_days": 0,
                "affected_milestones": ["M1"],
                "criteria_to_reverify": 1,
            },
            (3, 4),
        ),
    ],
)
def test_change_request_scoring_rule(overrides, expected):
    assert derive_scores(ChangeRequestApproved.model_validate(_cr(**overrides))) == expected


async def test_change_request_approved_creates_one_linked_risk(client, auth, app):
    handler = HANDLERS["change_request.approved"]
    data = _cr()
    event = CloudEvent(
        id=str(uuid.uuid4()),
        source="/tpmhub/requirements-svc",
        type="change_request.approved",
        subject="PAY-CR3",
        time=datetime.now(UTC),
        data=data,
    )
    for _ in range(2):  # a redelivery (even as a new event id) creates nothing more
        async with app.state.db.session() as session, session.begin():
            await handler(session, event)
        event = event.model_copy(update={"id": str(uuid.uuid4())})
    risks = (await client.get("/v1/projects/PAY/risks", headers=auth())).json()["items"]
    assert len(risks) == 1
    risk = risks[0]
    assert risk["key"] == "PAY-R1" and risk["category"] == "requirement_change"
    assert (risk["probability"], risk["impact"], risk["level"]) == (3, 4, "high")
    assert risk["change_request_id"] == data["change_request_id"] and risk["owner"] == "dana"
    assert risk["links"]["items"] == ["PAY-1", "PAY-2"]
    assert "PAY-CR3" in risk["title"] and "12 day" in risk["effect"]
    trend = (await client.get("/v1/risks/PAY-R1/assessments", headers=auth())).json()["items"]
    assert trend[0]["note"] == "derived from change request PAY-CR3"
    # Another change request is another risk.
    other = CloudEvent(
        id=str(uuid.uuid4()),
        source="/tpmhub/requirements-svc",
        type="change_request.approved",
        subject="PAY-CR4",
        time=datetime.now(UTC),
        data=_cr(key="PAY-CR4"),
    )
    async with app.state.db.session() as session, session.begin():
        await handler(session, other)
    assert len((await client.get("/v1/projects/PAY/risks", headers=auth())).json()["items"]) == 2


async def test_heatmap_counters_follow_every_change(client, auth, create):
    h = auth("tpm", "PAY")
    for p, i in [(4, 4), (2, 3), (5, 5), (1, 1), (3, 2)]:
        await create(probability=p, impact=i, residual_probability=None, residual_impact=None)
    await client.patch(
        "/v1/risks/PAY-R1", json={"impact": 2, "residual_probability": 1, "residual_impact": 1}, headers=h
    )
    await client.post("/v1/risks/PAY-R2/assessments", json={"probability": 3, "impact": 3}, headers=h)
    await client.patch("/v1/risks/PAY-R2", json={"kind": "opportunity", "response_strategy": None}, headers=h)
    await client.post("/v1/risks/PAY-R3/close", json=CLOSE, headers=h)
    await client.post("/v1/risks/PAY-R4/close", json=CLOSE, headers=h)
    await client.post("/v1/risks/PAY-R4/reopen", headers=h)
    await client.post(
        "/v1/risks/PAY-R5/occur", json={"occurred_at": "2026-01-01T00:00:00Z", "description": "x"}, headers=h
    )
    r = await client.patch("/v1/risks/PAY-R1", json={"probability": 9}, headers=h)
    assert r.status_code == 422  # refused: counts must not move
    risks = (await client.get("/v1/projects/PAY/risks", params={"limit": 200}, headers=h)).json()["items"]
    for kind in ("threat", "opportunity"):
        for basis in ("inherent", "residual"):
            expected: dict = {}
            for x in risks:
                if x["status"] == "closed" or x["kind"] != kind:
                    continue
                cell = (x["probability"], x["impact"])
                if basis == "residual" and x["residual_probability"] is not None:
                    cell = (x["residual_probability"], x["residual_impact"])
                expected[cell] = expected.get(cell, 0) + 1
            body = (
                await client.get(
                    "/v1/projects/PAY/risks/heatmap", params={"basis": basis, "kind": kind}, headers=h
                )
            ).json()
            got = {(c["probability"], c["impact"]): c["count"] for c in body["cells"] if c["count"]}
            assert got == expected, (kind, basis)
    assert {(c["probability"], c["impact"]) for c in body["cells"] if c["count"]} == {(3, 3)}


async def test_exposure_counts_threats_only_also_after_a_kind_change(client, auth, create):
    await create(cost_impact=None)
    await create(probability=2, impact=2, residual_probability=None, residual_impact=None, cost_impact=None)
    today = str(datetime.now(UTC).date())
    params = {"from": today, "to": today}
    r = await client.get("/v1/projects/PAY/risk-exposure", params=params, headers=auth())
    assert [(p["open_risks"], p["score"]) for p in r.json()["periods"]] == [(2, 20)]
    r = await client.patch(
        "/v1/risks/PAY-R1",
        json={"kind": "opportunity", "response_strategy": "enhance"},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 200, r.text
    r = await client.get("/v1/projects/PAY/risk-exposure", params=params, headers=auth())
    assert [(p["open_risks"], p["score"]) for p in r.json()["periods"]] == [(1, 4)]
