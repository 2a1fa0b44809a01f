from typing import Literal

ApprovalCreateDecision = Literal["approve", "reject"]

APPROVAL_CREATE_DECISION_VALUES: set[ApprovalCreateDecision] = {
    "approve",
    "reject",
}


def check_approval_create_decision(value: str) -> ApprovalCreateDecision:
    if value in APPROVAL_CREATE_DECISION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {APPROVAL_CREATE_DECISION_VALUES!r}")
