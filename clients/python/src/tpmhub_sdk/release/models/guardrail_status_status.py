from typing import Literal

GuardrailStatusStatus = Literal["aborted", "completed", "draft", "paused", "rolled_back", "running"]

GUARDRAIL_STATUS_STATUS_VALUES: set[GuardrailStatusStatus] = {
    "aborted",
    "completed",
    "draft",
    "paused",
    "rolled_back",
    "running",
}


def check_guardrail_status_status(value: str) -> GuardrailStatusStatus:
    if value in GUARDRAIL_STATUS_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GUARDRAIL_STATUS_STATUS_VALUES!r}")
