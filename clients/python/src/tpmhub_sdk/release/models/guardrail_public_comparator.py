from typing import Literal

GuardrailPublicComparator = Literal["<", "<=", ">", ">="]

GUARDRAIL_PUBLIC_COMPARATOR_VALUES: set[GuardrailPublicComparator] = {
    "<",
    "<=",
    ">",
    ">=",
}


def check_guardrail_public_comparator(value: str) -> GuardrailPublicComparator:
    if value in GUARDRAIL_PUBLIC_COMPARATOR_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GUARDRAIL_PUBLIC_COMPARATOR_VALUES!r}")
