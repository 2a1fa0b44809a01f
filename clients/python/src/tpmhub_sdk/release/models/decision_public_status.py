from typing import Literal

DecisionPublicStatus = Literal["aborted", "completed", "draft", "paused", "rolled_back", "running"]

DECISION_PUBLIC_STATUS_VALUES: set[DecisionPublicStatus] = {
    "aborted",
    "completed",
    "draft",
    "paused",
    "rolled_back",
    "running",
}


def check_decision_public_status(value: str) -> DecisionPublicStatus:
    if value in DECISION_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DECISION_PUBLIC_STATUS_VALUES!r}")
