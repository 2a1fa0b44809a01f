"""Health rules: pure functions from facts to the rules that fire. No I/O here, so every rule and threshold
is tested directly; docs/decisions/health.md explains each one."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from tpmhub_shared.contracts import ReleaseSummary, RiskSummary

ON_TRACK, AT_RISK, OFF_TRACK = "on_track", "at_risk", "off_track"
STATUSES = (ON_TRACK, AT_RISK, OFF_TRACK)
_RANK = {ON_TRACK: 0, AT_RISK: 1, OFF_TRACK: 2}

# Thresholds (docs/decisions/health.md).
VELOCITY_ITERATIONS = 3  # velocity from the points done over the last N finished iterations
VELOCITY_FALLBACK_DAYS = 28  # … or over the last 28 days when no iteration has finished
MILESTONE_SLIP_OFF_TRACK_DAYS = 7  # projected slip above this is off_track; up to it at_risk
ESCALATION_UNRESOLVED_DAYS = 3  # an escalation unresolved for longer than this is off_track
GATE_DENIALS_PER_RELEASE = 3  # this many gate denials of one release in the window is at_risk
DOCUMENT_REVIEW_DAYS = 5  # a PRD/design in review for longer than this is at_risk
WINDOW_DAYS = 7  # rollbacks and gate denials count over the last 7 days
FINISHED_RELEASE_STATES = frozenset({"released", "cancelled", "rolled_back"})


@dataclass
class MilestoneFact:
    id: str
    name: str
    target_date: date
    status: str
    remaining_points: float
    open_items: int
    unestimated_items: int
    projected_finish: date | None
    points_done: float = 0.0
    points_total: float = 0.0
    items_total: int = 0
    slip_days: int | None = None


@dataclass
class BugFact:
    key: str
    title: str
    status: str
    found_in: str | None


@dataclass
class DocumentFact:
    id: str
    kind: str
    title: str
    submitted_at: datetime


@dataclass
class Facts:
    project_key: str
    now: datetime
    velocity_points_per_day: float
    milestones: list[MilestoneFact] = field(default_factory=list)
    open_s1_bugs: list[BugFact] = field(default_factory=list)
    documents_in_review: list[DocumentFact] = field(default_factory=list)
    risk: RiskSummary | None = None
    release: ReleaseSummary | None = None


@dataclass
class Fired:
    rule: str
    severity: str
    title: str
    facts: dict[str, Any]
    links: list[str]


def project_finish(today: date, remaining_points: float, velocity_points_per_day: float) -> date | None:
    """The day the remaining points are done at the current velocity; None when nothing is being burned."""
    if remaining_points <= 0:
        return today
    if velocity_points_per_day <= 0:
        return None
    return today + timedelta(days=math.ceil(remaining_points / velocity_points_per_day))


def worst(statuses: list[str]) -> str:
    return max(statuses, key=_RANK.__getitem__, default=ON_TRACK)


def evaluate(f: Facts) -> list[Fired]:
    """Every rule that fires for the facts, worst first."""
    fired: list[Fired] = []
    today = f.now.date()

    for m in f.milestones:
        link = f"/v1/milestones/{m.id}"
        base = {
            "milestone": m.name,
            "target_date": m.target_date.isoformat(),
            "remaining_points": m.remaining_points,
            "open_items": m.open_items,
            "unestimated_items": m.unestimated_items,
            "velocity_points_per_day": round(f.velocity_points_per_day, 2),
        }
        if m.remaining_points <= 0 and m.open_items == 0:
            continue
        if m.projected_finish is None:
            fired.append(
                Fired(
                    "milestone_no_velocity",
                    AT_RISK,
                    f"Milestone {m.name}: work remains but nothing was finished recently",
                    {**base, "projected_finish": None},
                    [link],
                )
            )
            continue
        slip = (m.projected_finish - m.target_date).days
        if slip > 0:
            severity = OFF_TRACK if slip > MILESTONE_SLIP_OFF_TRACK_DAYS or m.target_date < today else AT_RISK
            fired.append(
                Fired(
                    "milestone_projected_late",
                    severity,
                    f"Milestone {m.name} is projected {slip} day(s) after its target date",
                    {**base, "projected_finish": m.projected_finish.isoformat(), "slip_days": slip},
                    [link],
                )
            )

    if f.risk is not None:
        for r in f.risk.critical:
            fired.append(
                Fired(
                    "critical_risk",
                    AT_RISK,
                    f"Critical risk {r.key}: {r.title}",
                    {
                        "risk": r.key,
                        "score": r.score,
                        "status": r.status,
                        "owner": r.owner,
                        "age_days": r.age_days,
                    },
                    [f"/v1/risks/{r.key}"],
                )
            )
        for e in f.risk.unresolved_escalations:
            if e.age_days > ESCALATION_UNRESOLVED_DAYS:
                fired.append(
                    Fired(
                        "escalation_unresolved",
                        OFF_TRACK,
                        f"Escalation of {e.risk_key} unresolved for {e.age_days} days",
                        {
                            "risk": e.risk_key,
                            "level": e.level,
                            "trigger": e.trigger,
                            "reason": e.reason,
                            "escalated_at": e.escalated_at.isoformat().replace("+00:00", "Z"),
                            "age_days": e.age_days,
                            "threshold_days": ESCALATION_UNRESOLVED_DAYS,
                        },
                        [f"/v1/risks/{e.risk_key}"],
                    )
                )

    if f.release is not None:
        active = [r for r in f.release.releases if r.status not in FINISHED_RELEASE_STATES]
        for bug in f.open_s1_bugs:
            for rel in active:
                if bug.key in rel.scope or (bug.found_in and bug.found_in == rel.version):
                    why = "in scope" if bug.key in rel.scope else "found in it"
                    fired.append(
                        Fired(
                            "s1_bug_in_release",
                            OFF_TRACK,
                            f"Open S1 bug {bug.key} in release {rel.version} ({why})",
                            {
                                "bug": bug.key,
                                "title": bug.title,
                                "bug_status": bug.status,
                                "release": rel.version,
                                "release_status": rel.status,
                                "relation": why,
                            },
                            [f"/v1/items/{bug.key}", f"/v1/releases/{rel.id}"],
                        )
                    )
        for rb in f.release.rollbacks:
            fired.append(
                Fired(
                    "rollback",
                    AT_RISK,
                    f"Release {rb.version} was rolled back",
                    {
                        "release": rb.version,
                        "at": rb.at.isoformat().replace("+00:00", "Z"),
                        "reason": rb.reason,
                    },
                    [f"/v1/releases/{rb.release_id}"],
                )
            )
        per_release: dict[str, list[Any]] = {}
        for d in f.release.gate_denials:
            per_release.setdefault(str(d.release_id), []).append(d)
        for release_id, denials in per_release.items():
            if len(denials) >= GATE_DENIALS_PER_RELEASE:
                reasons = sorted({r for d in denials for r in d.reasons})
                fired.append(
                    Fired(
                        "repeated_gate_denials",
                        AT_RISK,
                        f"Release {denials[0].version} was denied by the gate {len(denials)} times",
                        {
                            "release": denials[0].version,
                            "denials": len(denials),
                            "threshold": GATE_DENIALS_PER_RELEASE,
                            "reasons": reasons[:10],
                        },
                        [f"/v1/releases/{release_id}/gate"],
                    )
                )

    for doc in f.documents_in_review:
        days = (f.now - doc.submitted_at).days
        if days > DOCUMENT_REVIEW_DAYS:
            label = "PRD" if doc.kind == "prd" else "Design"
            fired.append(
                Fired(
                    "document_stuck_in_review",
                    AT_RISK,
                    f"{label} '{doc.title}' in review for {days} days",
                    {
                        "document": doc.title,
                        "kind": doc.kind,
                        "days_in_review": days,
                        "threshold_days": DOCUMENT_REVIEW_DAYS,
                        "submitted_at": doc.submitted_at.isoformat().replace("+00:00", "Z"),
                    },
                    [f"/v1/{doc.kind}s/{doc.id}"],
                )
            )

    fired.sort(key=lambda x: -_RANK[x.severity])
    return fired
