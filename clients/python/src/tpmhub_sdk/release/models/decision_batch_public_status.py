from typing import Literal

DecisionBatchPublicStatus = Literal["aborted", "completed", "draft", "paused", "rolled_back", "running"]

DECISION_BATCH_PUBLIC_STATUS_VALUES: set[DecisionBatchPublicStatus] = {
    "aborted",
    "completed",
    "draft",
    "paused",
    "rolled_back",
    "running",
}


def check_decision_batch_public_status(value: str) -> DecisionBatchPublicStatus:
    if value in DECISION_BATCH_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DECISION_BATCH_PUBLIC_STATUS_VALUES!r}")
