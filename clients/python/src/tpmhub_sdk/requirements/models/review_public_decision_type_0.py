from typing import Literal

ReviewPublicDecisionType0 = Literal["approve", "request_changes"]

REVIEW_PUBLIC_DECISION_TYPE_0_VALUES: set[ReviewPublicDecisionType0] = {
    "approve",
    "request_changes",
}


def check_review_public_decision_type_0(value: str) -> ReviewPublicDecisionType0:
    if value in REVIEW_PUBLIC_DECISION_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REVIEW_PUBLIC_DECISION_TYPE_0_VALUES!r}")
