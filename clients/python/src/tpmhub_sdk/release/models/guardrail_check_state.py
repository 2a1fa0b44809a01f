from typing import Literal

GuardrailCheckState = Literal["fail", "inconclusive", "no_baseline", "no_data", "pass"]

GUARDRAIL_CHECK_STATE_VALUES: set[GuardrailCheckState] = {
    "fail",
    "inconclusive",
    "no_baseline",
    "no_data",
    "pass",
}


def check_guardrail_check_state(value: str) -> GuardrailCheckState:
    if value in GUARDRAIL_CHECK_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GUARDRAIL_CHECK_STATE_VALUES!r}")
