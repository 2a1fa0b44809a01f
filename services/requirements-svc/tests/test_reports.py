"""Reports: JSON, Markdown and HTML for a day or a week, with the real risk-svc and release-svc mounted
in-process as siblings (their own databases), and with siblings down or hanging."""

import asyncio
import socket
import time
from datetime import UTC, datetime, timedelta
from datetime import time as dtime

import httpx
import pytest
from requirements_svc.change_requests.models import ChangeRequest
from requirements_svc.document_versions.models import DocumentVersion
from requirements_svc.documents.models import Document
from requirements_svc.items.models import Item
from requirements_svc.iterations.models import Iteration
from requirements_svc.milestones.models import Milestone
from sqlalchemy import select
from tpmhub_shared import history
from tpmhub_shared.db import Database
from tpmhub_shared.history import HistoryEntry
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.ids import utcnow
from tpmhub_shared.testing.plugin import ConfirmingWith, LifespanClient, migrated_database, truncate_all

TODAY = utcnow().date()


def day(offset: int, hour: int = 9) -> datetime:
    return datetime.combine(TODAY + timedelta(days=offset), dtime(hour), tzinfo=UTC)


def earlier_today() -> datetime:
    """A moment of today (UTC) that has already passed."""
    midnight = datetime.combine(TODAY, dtime(0), tzinfo=UTC)
    return midnight + (utcnow() - midnight) / 2


# ---- siblings in-process ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
async def risk_side(backend, request, common_settings):
    from risk_svc.main import SPEC, create_app
    from risk_svc.settings import Settings

    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    settings = await migrated_database(SPEC, Settings, backend, pg, common_settings)
    lifespan = LifespanClient(create_app(settings))
    async with lifespan as client:
        yield lifespan.app, client, settings


@pytest.fixture(scope="session")
async def release_side(backend, request, common_settings):
    from release_svc.main import SPEC, create_app
    from release_svc.settings import Settings

    pg = request.getfixturevalue("pg_server") if backend == "postgresql" else None
    settings = await migrated_database(SPEC, Settings, backend, pg, common_settings)
    lifespan = LifespanClient(create_app(settings))
    async with lifespan as client:
        yield lifespan.app, client, settings


@pytest.fixture
async def app(client):
    app = client._transport.app
    original = dict(app.state.siblings)
    yield app
    for name, sibling in app.state.siblings.items():
        if sibling is not original.get(name):
            await sibling.aclose()
    app.state.siblings.clear()
    app.state.siblings.update(original)


@pytest.fixture
async def wired(app, risk_side, release_side, req_settings):
    """requirements-svc asks the real risk-svc and release-svc (in-process, clean databases)."""
    for name, (sib_app, _, settings) in (("risk", risk_side), ("release", release_side)):
        await truncate_all(settings.database_url)
        app.state.siblings[name] = SiblingClient(
            name=f"{name}-svc",
            base_url=f"http://{name}",
            settings=req_settings.common,
            caller="requirements-svc",
            transport=httpx.ASGITransport(app=sib_app),
            timeout=10,
        )
    back = ConfirmingWith(app, risk_side[0], release_side[0])  # they confirm projects with this app
    yield {"risk": risk_side[1], "release": release_side[1], "release_settings": release_side[2]}
    await back.restore()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
async def hanging_port():
    """A TCP server that accepts connections and never answers (a sibling stuck mid-request)."""
    held: list[asyncio.StreamWriter] = []

    async def hold(_reader, writer):
        held.append(writer)

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    for w in held:
        w.close()
    server.close()


def point_at(app, req_settings, name: str, port: int, timeout: float) -> None:
    app.state.siblings[name] = SiblingClient(
        name=f"{name}-svc",
        base_url=f"http://127.0.0.1:{port}",
        settings=req_settings.common,
        caller="requirements-svc",
        timeout=timeout,
    )


# ---- facts --------------------------------------------------------------------------------------------


@pytest.fixture
async def db(req_settings):
    database = Database(req_settings.database_url)
    yield database
    await database.dispose()


def item(n: int, **kw) -> Item:
    base = dict(
        project_key="PAY",
        key=f"PAY-{n}",
        number=n,
        type="story",
        title=f"Story {n}",
        status="ready",
        rank=f"i{n:05d}",
        created_at=earlier_today(),
    )
    return Item(**{**base, **kw})


def seed_history(result) -> list[HistoryEntry]:
    """The item history the API would have written for rows seeded straight into the tables: created (in
    their iteration, not yet done) at `created_at`, moved to done at `done_at`. The burndown replays it."""
    entries = []
    for row in result.scalars():
        created = history.snapshot(row)
        if row.status == "done":
            created["status"], created["done_at"] = "in_review", None
        entries.append(
            HistoryEntry(
                project_key=row.project_key,
                resource_type="item",
                resource_id=row.key,
                action="create",
                actor="seed",
                at=row.created_at,
                changes=history.diff(None, created),
            )
        )
        if row.status == "done":
            entries.append(
                HistoryEntry(
                    project_key=row.project_key,
                    resource_type="item",
                    resource_id=row.key,
                    action="transition",
                    actor="seed",
                    at=row.done_at,
                    changes=history.diff({"status": "in_review"}, {"status": "done"}),
                )
            )
    return entries


@pytest.fixture
async def project(client, auth, db):
    r = await client.post("/v1/projects", json={"key": "PAY", "name": "Payments 2.0"}, headers=auth("tpm"))
    assert r.status_code == 201, r.text
    it0 = Iteration(
        project_key="PAY",
        name="Sprint 1",
        start_date=TODAY - timedelta(days=17),
        end_date=TODAY - timedelta(days=4),
        status="closed",
        capacity_points=20,
    )
    it1 = Iteration(
        project_key="PAY",
        name="Sprint 2",
        start_date=TODAY - timedelta(days=3),
        end_date=TODAY + timedelta(days=4),
        status="active",
        capacity_points=20,
    )
    m1 = Milestone(
        project_key="PAY", name="Beta", target_date=TODAY + timedelta(days=2), status="in_progress"
    )
    async with db.session() as s, s.begin():
        s.add_all([it0, it1, m1])
        await s.flush()
        s.add_all(
            [
                item(
                    1,
                    title="Card vault",
                    points=5,
                    status="done",
                    done_at=day(-10),
                    iteration_id=it0.id,
                    created_at=day(-15),
                ),
                item(2, title="Refund API", points=3, iteration_id=it0.id, created_at=day(-15)),
                item(
                    3,
                    title="Wallet | Apple Pay",
                    points=8,
                    status="done",
                    done_at=earlier_today(),
                    iteration_id=it1.id,
                ),
                item(
                    4,
                    title="3DS challenge",
                    points=5,
                    status="in_progress",
                    iteration_id=it1.id,
                    milestone_id=m1.id,
                ),
                item(
                    5,
                    type="bug",
                    severity="S1",
                    title="Double charge on retry",
                    points=2,
                    status="in_progress",
                    iteration_id=it1.id,
                    milestone_id=m1.id,
                    found_in="1.4.0",
                ),
            ]
        )
        await s.flush()
        s.add_all(seed_history(await s.execute(select(Item).where(Item.project_key == "PAY"))))
        doc = Document(
            project_key="PAY",
            kind="prd",
            title="Wallet PRD",
            status="in_review",
            owner="alice",
            submitted_at=utcnow() - timedelta(days=8, hours=1),
            submitted_by="alice",
        )
        design = Document(
            project_key="PAY",
            kind="design",
            title="Vault design",
            status="approved",
            owner="bob",
            approved_revision=1,
        )
        s.add_all([doc, design])
        await s.flush()
        s.add(
            DocumentVersion(
                document_id=design.id,
                project_key="PAY",
                kind="design",
                number=1,
                title="Vault design",
                sections=[],
                review_round=1,
                approvers=["carol"],
                approved_at=earlier_today(),
            )
        )
        s.add(
            ChangeRequest(
                project_key="PAY",
                key="PAY-CR1",
                number=1,
                title="Add PayPal",
                requester="pm1",
                affected_items=["PAY-3", "PAY-4"],
                effort_delta_points=3,
                date_delta_days=2,
            )
        )
    return {"it0": it0, "it1": it1, "m1": m1}


async def get_report(client, auth, **params):
    r = await client.get("/v1/projects/PAY/reports", params=params, headers=auth("viewer", "PAY"))
    assert r.status_code == 200, r.text
    return r


# ---- the report ---------------------------------------------------------------------------------------


async def test_daily_json_report_with_every_section(client, auth, project, wired):
    risk_h = auth("tpm", "PAY")
    r = await wired["risk"].post(
        "/v1/projects/PAY/risks",
        headers=risk_h,
        json={
            "title": "Processor cap",
            "category": "dependency",
            "probability": 5,
            "impact": 4,
            "owner": "bob",
        },
    )
    assert r.status_code == 201, r.text
    rel = await wired["release"].post("/v1/projects/PAY/releases", json={"version": "1.4.0"}, headers=risk_h)
    assert rel.status_code == 201, rel.text

    report = (await get_report(client, auth, period="day")).json()
    assert report["project"] == {"key": "PAY", "name": "Payments 2.0"}
    assert report["period"]["kind"] == "day" and report["period"]["start"] == TODAY.isoformat()
    p = report["progress"]
    assert p["done"]["count"] == 1 and p["done"]["points"] == 8 and p["done"]["items"][0]["key"] == "PAY-3"
    assert p["added"]["count"] == 3 and {i["key"] for i in p["added"]["items"]} == {"PAY-3", "PAY-4", "PAY-5"}
    assert p["points_burned"] == 8
    assert p["points_planned"] == pytest.approx(15 / 7, abs=0.01)
    assert p["iteration"]["name"] == "Sprint 2" and p["iteration"]["committed_points"] == 15
    assert p["iteration"]["remaining_points"] == 7
    # The three Sprint 2 items were created (and committed) today, day 4 of 8: the burndown shows no scope
    # before, then 15 points with 7 left, against the ideal line for 15 points at day 4 of a 7-day span.
    burndown = p["burndown"]
    assert len(burndown) == 8 and burndown[-1]["ideal"] == 0
    assert [b["remaining"] for b in burndown[:4]] == [0, 0, 0, 7]
    assert [b["ideal"] for b in burndown[:4]] == [0, 0, 0, round(15 * 4 / 7, 2)]
    assert all(b["remaining"] is None for b in burndown[4:])
    assert [b["ideal"] for b in burndown[4:]] == [round(15 * (3 - n) / 7, 2) for n in range(4)]
    # velocity: 13 points done since the start of Sprint 1, 17 days ago → 7 points left take 10 days.
    [m] = p["milestones"]
    assert m["name"] == "Beta" and m["remaining_points"] == 7 and m["open_items"] == 2
    assert m["projected_finish"] == (TODAY + timedelta(days=10)).isoformat() and m["slip_days"] == 8
    q = report["requirements"]
    assert [(d["kind"], d["title"], d["version"]) for d in q["approved"]] == [("design", "Vault design", 1)]
    assert [(d["title"], d["days_waiting"]) for d in q["in_review"]] == [("Wallet PRD", 8)]
    [cr] = q["open_change_requests"]
    assert cr == {
        "key": "PAY-CR1",
        "title": "Add PayPal",
        "status": "proposed",
        "effort_delta_points": 3.0,
        "date_delta_days": 2,
        "affected_items": 2,
        "decided_at": None,
    }
    risks = report["risks"]
    assert risks["available"] is True and risks["reason"] is None
    assert [x["key"] for x in risks["summary"]["new"]] == ["PAY-R1"]
    assert risks["summary"]["critical"][0]["key"] == "PAY-R1"
    assert len(risks["summary"]["exposure_series"]) == 14
    releases = report["releases"]
    assert releases["available"] is True and releases["summary"]["states"] == {"draft": 1}
    # Health in the report uses the same facts: late milestone, critical risk, stuck PRD.
    rules = {r["rule"] for r in report["health"]["rules"]}
    assert {"milestone_projected_late", "critical_risk", "document_stuck_in_review"} <= rules
    assert report["health"]["status"] == "off_track" and report["health"]["complete"] is True


async def test_carried_over_items_on_the_day_their_iteration_ended(client, auth, project, wired):
    ended = (TODAY - timedelta(days=4)).isoformat()
    report = (await get_report(client, auth, period="day", date=ended)).json()
    carried = report["progress"]["carried_over"]
    assert carried["count"] == 1 and carried["items"][0]["key"] == "PAY-2" and carried["points"] == 3
    assert report["progress"]["iteration"]["name"] == "Sprint 1"


async def test_weekly_report_covers_monday_to_sunday(client, auth, project, wired):
    report = (await get_report(client, auth, period="week", date=TODAY.isoformat())).json()
    monday = TODAY - timedelta(days=TODAY.weekday())
    assert report["period"]["start"] == monday.isoformat()
    assert report["period"]["end"] == (monday + timedelta(days=6)).isoformat()
    assert report["period"]["label"].startswith(f"{monday.isocalendar()[0]}-W")
    assert report["progress"]["done"]["count"] == 1 + (1 if TODAY - timedelta(days=10) >= monday else 0)
    last_week = (
        await get_report(client, auth, period="week", date=(monday - timedelta(days=1)).isoformat())
    ).json()
    assert last_week["period"]["end"] == (monday - timedelta(days=1)).isoformat()
    assert last_week["progress"]["added"]["count"] == 0


async def test_markdown_by_format_and_by_accept(client, auth, project, wired):
    r = await get_report(client, auth, period="day", format="markdown")
    assert r.headers["content-type"].startswith("text/markdown")
    md = r.text
    assert md.startswith(f"# Payments 2.0 (PAY) — Daily report {TODAY.isoformat()}")
    assert "**Health: 🔴 Off track**" in md
    assert "## Progress" in md and "## Requirements" in md and "## Risks" in md and "## Releases" in md
    assert "| Beta | " in md and "+8 d" in md
    assert "PAY-CR1 Add PayPal: +3 points, +2 days, 2 items" in md
    r2 = await client.get(
        "/v1/projects/PAY/reports", headers={**auth("viewer", "PAY"), "Accept": "text/markdown"}
    )
    assert r2.status_code == 200 and r2.headers["content-type"].startswith("text/markdown")
    assert r2.headers["vary"] == "Accept"
    r3 = await client.get(
        "/v1/projects/PAY/reports",
        headers={**auth("viewer", "PAY"), "Accept": "text/markdown;q=0.5, text/html"},
    )
    assert r3.headers["content-type"].startswith("text/html")
    r4 = await client.get("/v1/projects/PAY/reports", headers={**auth("viewer", "PAY"), "Accept": "*/*"})
    assert r4.headers["content-type"].startswith("application/json")


async def test_html_page_draws_the_charts_on_the_server(client, auth, project, wired):
    h = auth("tpm", "PAY")
    await wired["risk"].post(
        "/v1/projects/PAY/risks",
        headers=h,
        json={"title": "<script>alert(1)</script>", "category": "security", "probability": 3, "impact": 4},
    )
    r = await get_report(client, auth, period="week", format="html")
    assert r.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    page = r.text
    for chart in ("burndown", "exposure", "heatmap", "rollouts"):
        assert f'data-chart="{chart}"' in page, chart
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page
    assert 'data-p="3" data-i="4" data-count="1"' in page
    assert page.count('class="series"') >= 3


async def test_markdown_escapes_table_cells(client, auth, project, wired):
    h = auth("tpm", "PAY")
    await wired["risk"].post(
        "/v1/projects/PAY/risks",
        headers=h,
        json={"title": "Split | brain\nsecond line", "category": "technical", "probability": 5, "impact": 5},
    )
    md = (await get_report(client, auth, period="day", format="markdown")).text
    assert "Split \\| brain second line" in md


# ---- siblings down or slow ----------------------------------------------------------------------------


async def test_siblings_down_leave_their_sections_unavailable(client, auth, project, app, req_settings):
    point_at(app, req_settings, "risk", _closed_port(), 0.5)
    point_at(app, req_settings, "release", _closed_port(), 0.5)
    report = (await get_report(client, auth, period="day")).json()
    assert report["risks"] == {"available": False, "reason": report["risks"]["reason"], "summary": None}
    reason = report["risks"]["reason"]
    assert reason.startswith("risk-svc: ") and ("unreachable" in reason or "timed out" in reason)
    assert report["releases"]["available"] is False and "release-svc" in report["releases"]["reason"]
    assert report["progress"]["done"]["count"] == 1
    assert report["health"]["complete"] is False
    assert report["health"]["sources"]["risk"]["available"] is False
    md = (await get_report(client, auth, period="day", format="markdown")).text
    assert "⚠️ Risk section unavailable: risk-svc: " in md
    page = (await get_report(client, auth, period="day", format="html")).text
    assert "Risk section unavailable" in page and 'data-chart="burndown"' in page


async def test_slow_siblings_are_asked_concurrently_and_time_out(
    client, auth, project, app, req_settings, hanging_port
):
    point_at(app, req_settings, "risk", hanging_port, 1.0)
    point_at(app, req_settings, "release", hanging_port, 1.0)
    started = time.monotonic()
    report = (await get_report(client, auth, period="day")).json()
    elapsed = time.monotonic() - started
    assert report["risks"]["available"] is False and "timed out" in report["risks"]["reason"]
    assert report["releases"]["available"] is False and "timed out" in report["releases"]["reason"]
    # Two 1 s timeouts one after the other would take 2 s.
    assert 1.0 <= elapsed < 1.9, elapsed


async def test_one_sibling_down_the_other_answers(client, auth, project, app, wired, req_settings):
    point_at(app, req_settings, "release", _closed_port(), 0.5)
    report = (await get_report(client, auth, period="day")).json()
    assert report["risks"]["available"] is True and report["releases"]["available"] is False


# ---- bad input ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "loc"),
    [
        ({"date": "2026-02-30"}, "query.date"),
        ({"date": "yesterday"}, "query.date"),
        ({"period": "month"}, "query.period"),
        ({"format": "pdf"}, "query.format"),
        ({"period": "day", "date": (TODAY + timedelta(days=1)).isoformat()}, "query.date"),
        ({"period": "week", "date": (TODAY + timedelta(days=7 - TODAY.weekday())).isoformat()}, "query.date"),
        ({"period": "week", "date": "9999-12-31"}, "query.date"),
        ({"period": "day", "date": "0001-01-01"}, "query.date"),
        ({"period": "week", "date": "1999-12-31"}, "query.date"),
    ],
)
async def test_bad_periods_and_formats_are_422(client, auth, project, params, loc):
    r = await client.get("/v1/projects/PAY/reports", params=params, headers=auth("viewer", "PAY"))
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert loc in [e["loc"] for e in r.json()["errors"]]


async def test_this_week_is_not_a_future_period(client, auth, project, app, req_settings):
    point_at(app, req_settings, "risk", _closed_port(), 0.3)
    point_at(app, req_settings, "release", _closed_port(), 0.3)
    sunday = TODAY + timedelta(days=6 - TODAY.weekday())
    r = await client.get(
        "/v1/projects/PAY/reports",
        params={"period": "week", "date": sunday.isoformat()},
        headers=auth("viewer", "PAY"),
    )
    assert r.status_code == 200, r.text


async def test_unknown_project_and_roles(client, auth, project):
    r = await client.get("/v1/projects/NOPE/reports", headers=auth("admin"))
    assert r.status_code == 404 and r.json()["type"].endswith("/not-found")
    assert (await client.get("/v1/projects/PAY/reports")).status_code == 401
    assert (await client.get("/v1/projects/PAY/reports", headers=auth("admin", "OPS"))).status_code == 403
