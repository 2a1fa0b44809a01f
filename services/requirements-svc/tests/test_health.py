"""Project health: each rule and threshold on facts directly, then over HTTP with the real risk-svc and
release-svc in-process — computed status with reasons, history of changes, override with a note."""

import asyncio
import socket
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from requirements_svc.health import rules
from requirements_svc.health.rules import BugFact, DocumentFact, Facts, MilestoneFact
from requirements_svc.items.models import Item
from requirements_svc.milestones.models import Milestone
from tpmhub_shared.contracts import (
    GateDenial,
    ReleaseBrief,
    ReleaseSummary,
    RiskBrief,
    RiskSummary,
    RollbackEvent,
    SummaryDora,
    UnresolvedEscalation,
)
from tpmhub_shared.db import Database
from tpmhub_shared.http import SiblingClient
from tpmhub_shared.ids import utcnow
from tpmhub_shared.testing.plugin import ConfirmingWith, LifespanClient, migrated_database, truncate_all

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
TODAY = NOW.date()


# ---- rules on facts -----------------------------------------------------------------------------------


def milestone(target_offset: int, projected_offset: int | None, remaining: float = 10, open_items: int = 3):
    return MilestoneFact(
        id=str(uuid.uuid4()),
        name="Beta",
        target_date=TODAY + timedelta(days=target_offset),
        status="in_progress",
        remaining_points=remaining,
        open_items=open_items,
        unestimated_items=0,
        projected_finish=None if projected_offset is None else TODAY + timedelta(days=projected_offset),
    )


def facts(**kw) -> Facts:
    return Facts(project_key="PAY", now=NOW, velocity_points_per_day=2.0, **kw)


def risk_summary(critical=(), escalations=()) -> RiskSummary:
    return RiskSummary(
        project_key="PAY",
        from_date="2026-11-14",
        to_date="2026-11-20",
        generated_at=NOW,
        open_count=0,
        exposure=0,
        new=[],
        escalated=[],
        closed=[],
        exposure_series=[],
        top=[],
        overdue_reviews=[],
        overdue_actions=[],
        heatmap=[],
        critical=list(critical),
        unresolved_escalations=list(escalations),
    )


def release_summary(releases=(), rollbacks=(), denials=()) -> ReleaseSummary:
    return ReleaseSummary(
        project_key="PAY",
        from_date="2026-11-14",
        to_date="2026-11-20",
        generated_at=NOW,
        states={},
        releases=list(releases),
        gate_denials=list(denials),
        rollouts_in_progress=[],
        rollbacks=list(rollbacks),
        verifications=[],
        dora=SummaryDora(deployments=0, deployment_frequency_per_day=0),
    )


def fired(f: Facts) -> list[tuple[str, str]]:
    return [(x.rule, x.severity) for x in rules.evaluate(f)]


def test_no_facts_is_on_track():
    assert fired(facts()) == []
    assert rules.worst([]) == "on_track"


@pytest.mark.parametrize(
    ("target", "projected", "expected"),
    [
        (10, 10, []),  # on the day: fine
        (10, 9, []),
        (10, 11, [("milestone_projected_late", "at_risk")]),  # one day late
        (10, 17, [("milestone_projected_late", "at_risk")]),  # 7 days late: still at risk
        (10, 18, [("milestone_projected_late", "off_track")]),  # 8 days late
        (-1, 2, [("milestone_projected_late", "off_track")]),  # target passed with work left
        (10, None, [("milestone_no_velocity", "at_risk")]),
    ],
)
def test_milestone_projection_thresholds(target, projected, expected):
    assert fired(facts(milestones=[milestone(target, projected)])) == expected


def test_finished_milestone_work_fires_nothing():
    assert fired(facts(milestones=[milestone(-5, None, remaining=0, open_items=0)])) == []


def test_project_finish_from_velocity():
    assert rules.project_finish(TODAY, 7, 0.7647) == TODAY + timedelta(days=10)
    assert rules.project_finish(TODAY, 0, 0) == TODAY
    assert rules.project_finish(TODAY, 3, 0) is None


def brief(key="PAY-R1", level="critical") -> RiskBrief:
    return RiskBrief(
        key=key, title="Ledger migration", level=level, score=20, status="mitigating", age_days=4
    )


def escalation(age: int) -> UnresolvedEscalation:
    return UnresolvedEscalation(
        risk_key="PAY-R2",
        title="Cap",
        level="high",
        trigger="manual",
        reason="VP",
        escalated_at=NOW - timedelta(days=age),
        age_days=age,
    )


def test_critical_risk_and_escalation_age_threshold():
    assert fired(facts(risk=risk_summary(critical=[brief()]))) == [("critical_risk", "at_risk")]
    assert fired(facts(risk=risk_summary(escalations=[escalation(3)]))) == []
    f = rules.evaluate(facts(risk=risk_summary(escalations=[escalation(4)])))
    assert [(x.rule, x.severity) for x in f] == [("escalation_unresolved", "off_track")]
    assert (
        f[0].facts["age_days"] == 4
        and f[0].facts["threshold_days"] == 3
        and f[0].links == ["/v1/risks/PAY-R2"]
    )


def release(version="1.4.0", status="deploying", scope=()) -> ReleaseBrief:
    return ReleaseBrief(id=uuid.uuid4(), version=version, status=status, scope=list(scope), updated_at=NOW)


@pytest.mark.parametrize(
    ("rel", "bug", "expected"),
    [
        (release(scope=["PAY-9"]), BugFact("PAY-9", "Double charge", "in_progress", None), 1),
        (release(), BugFact("PAY-9", "Double charge", "in_progress", "1.4.0"), 1),
        (release(), BugFact("PAY-9", "Double charge", "in_progress", "1.3.0"), 0),
        (release(status="released", scope=["PAY-9"]), BugFact("PAY-9", "Double charge", "ready", None), 0),
    ],
)
def test_s1_bug_in_a_release(rel, bug, expected):
    got = fired(facts(open_s1_bugs=[bug], release=release_summary(releases=[rel])))
    assert got == [("s1_bug_in_release", "off_track")] * expected


def test_rollback_and_repeated_gate_denials():
    rel = release()
    rb = RollbackEvent(release_id=rel.id, version="1.4.0", at=NOW, reason="error spike")
    assert fired(facts(release=release_summary(rollbacks=[rb]))) == [("rollback", "at_risk")]
    denial = GateDenial(release_id=rel.id, version="1.4.0", at=NOW, reasons=["scope: 2 items not done"])
    assert fired(facts(release=release_summary(denials=[denial] * 2))) == []
    f = rules.evaluate(facts(release=release_summary(denials=[denial] * 3)))
    assert [(x.rule, x.severity) for x in f] == [("repeated_gate_denials", "at_risk")]
    assert f[0].facts["denials"] == 3 and f[0].facts["reasons"] == ["scope: 2 items not done"]


def test_document_stuck_in_review_threshold():
    five = DocumentFact(
        id="d1", kind="prd", title="Wallet PRD", submitted_at=NOW - timedelta(days=5, hours=23)
    )
    six = DocumentFact(id="d2", kind="design", title="Vault", submitted_at=NOW - timedelta(days=6))
    f = rules.evaluate(facts(documents_in_review=[five, six]))
    assert [(x.rule, x.facts["document"]) for x in f] == [("document_stuck_in_review", "Vault")]
    assert f[0].links == ["/v1/designs/d2"]


def test_worst_rule_decides_and_comes_first():
    f = facts(
        milestones=[milestone(10, 12)], risk=risk_summary(critical=[brief()], escalations=[escalation(9)])
    )
    got = fired(f)
    assert got[0] == ("escalation_unresolved", "off_track")
    assert rules.worst([s for _, s in got]) == "off_track"


# ---- over HTTP ----------------------------------------------------------------------------------------


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
async def wired(app, sibling_apps, req_settings):
    for name, (sib_app, _, settings) in sibling_apps.items():
        await truncate_all(settings.database_url)
        app.state.siblings[name] = SiblingClient(
            name=f"{name}-svc",
            base_url=f"http://{name}",
            settings=req_settings.common,
            caller="requirements-svc",
            transport=httpx.ASGITransport(app=sib_app),
            timeout=10,
        )
    back = ConfirmingWith(app, *(sib_app for sib_app, _, _ in sibling_apps.values()))  # they confirm projects
    yield {
        **{name: client for name, (_, client, _) in sibling_apps.items()},
        "release_settings": sibling_apps["release"][2],
    }
    await back.restore()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
async def db(req_settings):
    database = Database(req_settings.database_url)
    yield database
    await database.dispose()


@pytest.fixture
async def project(client, auth):
    r = await client.post("/v1/projects", json={"key": "PAY", "name": "Payments"}, headers=auth("tpm"))
    assert r.status_code == 201, r.text


async def late_milestone(db) -> str:
    """Beta due in 2 days with 10 points open and nothing done in the last 28 days: no velocity."""
    today = utcnow().date()
    m = Milestone(project_key="PAY", name="Beta", target_date=today + timedelta(days=2), status="in_progress")
    async with db.session() as s, s.begin():
        s.add(m)
        await s.flush()
        s.add(
            Item(
                project_key="PAY",
                key="PAY-1",
                number=1,
                type="story",
                title="Vault",
                status="ready",
                rank="i00001",
                points=10,
                milestone_id=m.id,
            )
        )
    return str(m.id)


async def health(client, auth, role="viewer"):
    r = await client.get("/v1/projects/PAY/health", headers=auth(role, "PAY"))
    assert r.status_code == 200, r.text
    return r.json()


async def history(client, auth):
    r = await client.get("/v1/projects/PAY/health/history", headers=auth("viewer", "PAY"))
    assert r.status_code == 200, r.text
    return r.json()["items"]


async def test_empty_project_is_on_track(client, auth, project, wired):
    h = await health(client, auth)
    assert h["status"] == h["computed_status"] == "on_track" and h["rules"] == [] and h["override"] is None
    assert h["complete"] is True and all(s["available"] for s in h["sources"].values()), h["sources"]


async def test_rules_from_all_three_services(client, auth, project, wired, db):
    mid = await late_milestone(db)
    th = auth("tpm", "PAY")
    r = await wired["risk"].post(
        "/v1/projects/PAY/risks",
        headers=th,
        json={
            "title": "Ledger migration",
            "category": "technical",
            "probability": 5,
            "impact": 4,
            "owner": "bob",
        },
    )
    assert r.status_code == 201, r.text
    h = await health(client, auth)
    by_rule = {r["rule"]: r for r in h["rules"]}
    assert set(by_rule) == {"milestone_no_velocity", "critical_risk"}
    assert h["computed_status"] == "at_risk"
    assert by_rule["milestone_no_velocity"]["links"] == [f"/v1/milestones/{mid}"]
    assert by_rule["milestone_no_velocity"]["facts"]["remaining_points"] == 10
    assert by_rule["critical_risk"]["facts"]["risk"] == "PAY-R1"
    # A rollback on release-svc today adds its rule.
    release = wired["release"]
    rel = await release.post(
        "/v1/projects/PAY/releases", json={"version": "1.0.0", "approvers": ["carol"]}, headers=th
    )
    rid = rel.json()["id"]
    ro = await release.post(
        f"/v1/releases/{rid}/rollouts",
        headers=th,
        json={"stages": [{"percent": 10, "operator": "bob"}, {"percent": 100, "operator": "bob"}]},
    )
    assert ro.status_code == 201, ro.text
    # A release the gate lets through: approved by its approver, checklist done, and release-svc asking
    # the in-process risk-svc (the critical risk above is not linked to this release).
    assert (await release.post(f"/v1/releases/{rid}/submit", headers=th)).status_code == 200
    r = await release.post(
        f"/v1/releases/{rid}/approvals",
        json={"decision": "approve"},
        headers=auth("engineer", "PAY", sub="carol"),
    )
    assert r.status_code == 201, r.text
    for item in (await release.get(f"/v1/releases/{rid}/checklist", headers=th)).json():
        r = await release.patch(
            f"/v1/releases/{rid}/checklist/{item['id']}",
            json={"status": "done", "evidence_url": "https://wiki.example.com/go"},
            headers=th,
        )
        assert r.status_code == 200, r.text
    release_siblings = release._transport.app.state.siblings
    saved_risk = release_siblings["risk"]
    release_siblings["risk"] = SiblingClient(
        name="risk-svc",
        base_url="http://risk",
        settings=wired["release_settings"].common,
        caller="release-svc",
        transport=httpx.ASGITransport(app=wired["risk"]._transport.app),
    )
    try:
        r = await release.post(f"/v1/rollouts/{ro.json()['id']}/start", headers=th)
    finally:
        await release_siblings["risk"].aclose()
        release_siblings["risk"] = saved_risk
    assert r.status_code == 200, r.text
    r = await wired["release"].post(
        f"/v1/rollouts/{ro.json()['id']}/rollback", json={"reason": "5xx"}, headers=th
    )
    assert r.status_code == 200, r.text
    h = await health(client, auth)
    rollback = next(x for x in h["rules"] if x["rule"] == "rollback")
    assert rollback["facts"]["release"] == "1.0.0" and rollback["facts"]["reason"] == "5xx"


async def test_computed_changes_are_history_once(client, auth, project, wired, db):
    await health(client, auth)
    await health(client, auth)
    entries = await history(client, auth)
    assert [e["action"] for e in entries] == ["compute"]
    await late_milestone(db)
    assert (await health(client, auth))["computed_status"] == "at_risk"
    await health(client, auth)
    entries = await history(client, auth)
    assert [e["action"] for e in entries] == ["compute", "compute"]
    change = {c["field"]: c for c in entries[1]["changes"]}
    assert (
        change["computed_status"]["before"] == "on_track" and change["computed_status"]["after"] == "at_risk"
    )
    assert change["fired_rules"]["after"] == ["milestone_no_velocity"]


async def test_concurrent_evaluations_record_one_change(client, auth, project, wired, db):
    await late_milestone(db)
    results = await asyncio.gather(
        *[client.get("/v1/projects/PAY/health", headers=auth("viewer", "PAY")) for _ in range(5)]
    )
    assert [r.status_code for r in results] == [200] * 5
    assert [e["action"] for e in await history(client, auth)] == ["compute"]


async def test_override_needs_a_note_and_a_planner(client, auth, project, wired, db):
    await late_milestone(db)
    url = "/v1/projects/PAY/health/override"
    for body in (
        {"status": "on_track"},
        {"status": "on_track", "note": "   "},
        {"status": "green", "note": "x"},
        {"status": "on_track", "note": "x", "extra": 1},
        {"status": "on_track", "note": "x", "until": "2020-01-01T00:00:00Z"},
        {"status": "on_track", "note": "x", "until": "2020-01-01T00:00:00"},
        {"status": "on_track", "note": "x", "until": "not a time"},
    ):
        r = await client.post(url, json=body, headers=auth("tpm", "PAY"))
        assert r.status_code == 422, (body, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
    for role in ("engineer", "viewer", "qa", "ci"):
        r = await client.post(url, json={"status": "on_track", "note": "fine"}, headers=auth(role, "PAY"))
        assert r.status_code == 403, role
    assert (
        await client.post(
            "/v1/projects/NOPE/health/override",
            json={"status": "on_track", "note": "x"},
            headers=auth("admin"),
        )
    ).status_code == 404
    r = await client.post(
        url,
        json={"status": "on_track", "note": "Vendor fix lands Monday"},
        headers=auth("pm", "PAY", sub="paula"),
    )
    assert r.status_code == 200, r.text
    h = r.json()
    assert h["status"] == "on_track" and h["computed_status"] == "at_risk"
    assert h["override"]["note"] == "Vendor fix lands Monday" and h["override"]["by"] == "paula"
    assert h["rules"][0]["rule"] == "milestone_no_velocity"
    assert (await health(client, auth))["status"] == "on_track"
    [entry] = [e for e in await history(client, auth) if e["action"] == "override"]
    assert entry["note"] == "Vendor fix lands Monday" and entry["actor"] == "paula"
    assert {c["field"]: c["after"] for c in entry["changes"]}["override_status"] == "on_track"


async def test_override_if_match_and_clearing(client, auth, project, wired):
    await health(client, auth)
    r = await client.get("/v1/projects/PAY/health", headers=auth("viewer", "PAY"))
    etag = r.headers["etag"]
    url = "/v1/projects/PAY/health/override"
    r = await client.post(
        url,
        json={"status": "off_track", "note": "Team lost two engineers"},
        headers={**auth("tpm", "PAY"), "If-Match": etag},
    )
    assert r.status_code == 200, r.text
    r = await client.post(
        url, json={"status": "at_risk", "note": "stale"}, headers={**auth("tpm", "PAY"), "If-Match": etag}
    )
    assert r.status_code == 412
    assert (await health(client, auth))["status"] == "off_track"
    assert (await client.delete(url, headers=auth("tpm", "PAY"))).status_code == 422  # note required
    assert (
        await client.delete(url, params={"note": "x"}, headers=auth("engineer", "PAY"))
    ).status_code == 403
    r = await client.delete(url, params={"note": "New hires started"}, headers=auth("tpm", "PAY"))
    assert r.status_code == 200 and r.json()["override"] is None and r.json()["status"] == "on_track"
    assert (await client.delete(url, params={"note": "again"}, headers=auth("tpm", "PAY"))).status_code == 404
    actions = [(e["action"], e["note"]) for e in await history(client, auth)]
    assert actions[-2:] == [("override", "Team lost two engineers"), ("clear_override", "New hires started")]


async def test_override_lapses_at_its_end(client, auth, project, wired):
    until = (utcnow() + timedelta(seconds=1)).isoformat()
    r = await client.post(
        "/v1/projects/PAY/health/override",
        json={"status": "off_track", "note": "demo", "until": until},
        headers=auth("tpm", "PAY"),
    )
    assert r.status_code == 200 and r.json()["status"] == "off_track"
    await asyncio.sleep(1.2)
    h = await health(client, auth)
    assert h["status"] == "on_track" and h["override"] is None
    assert (await history(client, auth))[-1]["action"] == "override_lapsed"


async def test_siblings_down_health_is_still_200_but_incomplete(client, auth, project, app, req_settings, db):
    await late_milestone(db)
    for name in ("risk", "release"):
        app.state.siblings[name] = SiblingClient(
            name=f"{name}-svc",
            base_url=f"http://127.0.0.1:{_closed_port()}",
            settings=req_settings.common,
            caller="requirements-svc",
            timeout=0.4,
        )
    h = await health(client, auth)
    assert h["complete"] is False and h["sources"]["risk"]["available"] is False
    assert h["sources"]["risk"]["reason"].startswith("risk-svc: ")
    assert h["computed_status"] == "at_risk"  # requirements' own rules still apply
    # An incomplete evaluation is not recorded as a change of health.
    assert await history(client, auth) == []


async def test_unknown_project_and_roles(client, auth, project):
    assert (await client.get("/v1/projects/NOPE/health", headers=auth("admin"))).status_code == 404
    assert (await client.get("/v1/projects/PAY/health")).status_code == 401
    assert (await client.get("/v1/projects/PAY/health", headers=auth("admin", "OPS"))).status_code == 403
    assert (
        await client.get("/v1/projects/PAY/health/history", headers=auth("admin", "OPS"))
    ).status_code == 403
