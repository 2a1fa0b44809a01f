from typing import Literal

DecisionRequestDecision = Literal["approve", "request_changes"]

DECISION_REQUEST_DECISION_VALUES: set[DecisionRequestDecision] = {
    "approve",
    "request_changes",
}


def check_decision_request_decision(value: str) -> DecisionRequestDecision:
    if value in DECISION_REQUEST_DECISION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DECISION_REQUEST_DECISION_VALUES!r}")
