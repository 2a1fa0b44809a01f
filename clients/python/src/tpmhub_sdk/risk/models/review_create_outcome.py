from typing import Literal

ReviewCreateOutcome = Literal["close_recommended", "escalate", "reassessed", "unchanged"]

REVIEW_CREATE_OUTCOME_VALUES: set[ReviewCreateOutcome] = {
    "close_recommended",
    "escalate",
    "reassessed",
    "unchanged",
}


def check_review_create_outcome(value: str) -> ReviewCreateOutcome:
    if value in REVIEW_CREATE_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REVIEW_CREATE_OUTCOME_VALUES!r}")
