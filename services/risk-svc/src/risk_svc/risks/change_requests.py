"""The requirement-change rule: how an approved change request is scored as a risk (used by the approval's
handler and predicted by the impact query), and which items that risk is linked to."""

import math

from tpmhub_shared.contracts import ChangeRequestApproved, RiskImpactQuery


def _band(value: float, bounds: tuple[float, float, float, float]) -> int:
    """1 for value ≤ bounds[0], … 5 above bounds[3]."""
    return 1 + sum(value > b for b in bounds)


def derive_scores(cr: ChangeRequestApproved | RiskImpactQuery) -> tuple[int, int]:
    """The documented rule (docs/decisions/risks.md):
    impact = the larger of the schedule band (date delta days: 0 | 1–3 | 4–10 | 11–20 | >20) and the effort
    band (|points delta|: 0 | ≤3 | ≤8 | ≤20 | >20), at least 4 when a milestone is affected;
    probability = breadth band of affected items (0–1 → 2, 2–5 → 3, 6–15 → 4, >15 → 5), +1 when acceptance
    criteria must be re-verified, capped at 5. The impact query predicts with the same rule."""
    items = cr.affected_items if isinstance(cr, ChangeRequestApproved) else cr.item_keys
    schedule = _band(max(cr.date_delta_days, 0), (0, 3, 10, 20))
    effort = _band(math.fabs(cr.points_delta), (0, 3, 8, 20))
    impact = max(schedule, effort, 4 if cr.affected_milestones else 1)
    n = len(items)
    probability = 2 if n <= 1 else 3 if n <= 5 else 4 if n <= 15 else 5
    if cr.criteria_to_reverify > 0:
        probability += 1
    return min(probability, 5), min(impact, 5)


def linked_items(project_key: str, item_keys: list[str]) -> list[str]:
    """The items the requirement_change risk is linked to: the affected items of its own project."""
    return [k for k in dict.fromkeys(item_keys) if k.rsplit("-", 1)[0] == project_key]
