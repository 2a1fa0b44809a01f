from typing import Literal

EscalationPublicLevel = Literal["critical", "high", "low", "medium"]

ESCALATION_PUBLIC_LEVEL_VALUES: set[EscalationPublicLevel] = {
    "critical",
    "high",
    "low",
    "medium",
}


def check_escalation_public_level(value: str) -> EscalationPublicLevel:
    if value in ESCALATION_PUBLIC_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ESCALATION_PUBLIC_LEVEL_VALUES!r}")
