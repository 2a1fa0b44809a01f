from typing import Literal

ApprovalStateStatus = Literal[
    "approved", "cancelled", "deploying", "draft", "in_review", "released", "rolled_back", "verifying"
]

APPROVAL_STATE_STATUS_VALUES: set[ApprovalStateStatus] = {
    "approved",
    "cancelled",
    "deploying",
    "draft",
    "in_review",
    "released",
    "rolled_back",
    "verifying",
}


def check_approval_state_status(value: str) -> ApprovalStateStatus:
    if value in APPROVAL_STATE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {APPROVAL_STATE_STATUS_VALUES!r}")
