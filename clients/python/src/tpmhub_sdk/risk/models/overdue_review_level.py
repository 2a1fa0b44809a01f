from typing import Literal

OverdueReviewLevel = Literal["critical", "high", "low", "medium"]

OVERDUE_REVIEW_LEVEL_VALUES: set[OverdueReviewLevel] = {
    "critical",
    "high",
    "low",
    "medium",
}


def check_overdue_review_level(value: str) -> OverdueReviewLevel:
    if value in OVERDUE_REVIEW_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {OVERDUE_REVIEW_LEVEL_VALUES!r}")
