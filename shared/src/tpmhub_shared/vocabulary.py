"""The words that cross services, defined once: roles, item types and statuses, severities, PRD and
criterion statuses, release states, risk levels and statuses, and the one rule on them that two services
apply (which bugs block a release). Services' schemas and the contracts use these types; a test
(tests/test_vocabulary.py) fails when a second copy of any of them appears."""

from __future__ import annotations

from typing import Literal, get_args

Role = Literal["admin", "pm", "tpm", "engineer", "qa", "viewer", "ci"]

ItemType = Literal["epic", "feature", "story", "task", "bug", "spike"]
ItemStatus = Literal["backlog", "ready", "in_progress", "in_review", "done", "wont_do"]
Priority = Literal["P0", "P1", "P2", "P3"]
Severity = Literal["S1", "S2", "S3", "S4"]
CriterionStatus = Literal["pending", "passed", "failed"]
DocumentStatus = Literal["draft", "in_review", "approved", "changes_requested"]

ReleaseStatus = Literal[
    "draft", "in_review", "approved", "deploying", "verifying", "released", "rolled_back", "cancelled"
]

RiskLevel = Literal["low", "medium", "high", "critical"]
RiskStatus = Literal["identified", "assessed", "mitigating", "monitoring", "occurred", "closed"]

ROLES: tuple[str, ...] = get_args(Role)
SEVERITIES: tuple[str, ...] = get_args(Severity)
RISK_LEVELS: tuple[str, ...] = get_args(RiskLevel)  # lowest first: a level's index is its rank

# The release rule on bugs: an open bug of one of these severities blocks the gate of any release whose
# scope holds it, or holds an item above it. requirements-svc's look-up selects them; release-svc's gate
# reports them; the contracts describe them — all from here.
BLOCKING_SEVERITIES: tuple[str, ...] = ("S1", "S2")
BLOCKING_SEVERITIES_TEXT = "/".join(BLOCKING_SEVERITIES)  # "S1/S2", as docs and gate reasons spell it


def blocks_release(severity: str | None) -> bool:
    return severity in BLOCKING_SEVERITIES
