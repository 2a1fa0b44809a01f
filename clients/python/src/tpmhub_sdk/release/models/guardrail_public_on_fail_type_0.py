from typing import Literal

GuardrailPublicOnFailType0 = Literal["pause", "rollback", "warn"]

GUARDRAIL_PUBLIC_ON_FAIL_TYPE_0_VALUES: set[GuardrailPublicOnFailType0] = {
    "pause",
    "rollback",
    "warn",
}


def check_guardrail_public_on_fail_type_0(value: str) -> GuardrailPublicOnFailType0:
    if value in GUARDRAIL_PUBLIC_ON_FAIL_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GUARDRAIL_PUBLIC_ON_FAIL_TYPE_0_VALUES!r}")
