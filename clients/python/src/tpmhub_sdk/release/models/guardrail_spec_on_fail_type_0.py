from typing import Literal

GuardrailSpecOnFailType0 = Literal["pause", "rollback", "warn"]

GUARDRAIL_SPEC_ON_FAIL_TYPE_0_VALUES: set[GuardrailSpecOnFailType0] = {
    "pause",
    "rollback",
    "warn",
}


def check_guardrail_spec_on_fail_type_0(value: str) -> GuardrailSpecOnFailType0:
    if value in GUARDRAIL_SPEC_ON_FAIL_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GUARDRAIL_SPEC_ON_FAIL_TYPE_0_VALUES!r}")
