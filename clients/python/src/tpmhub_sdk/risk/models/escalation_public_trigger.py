from typing import Literal

EscalationPublicTrigger = Literal["critical", "high_overdue", "manual"]

ESCALATION_PUBLIC_TRIGGER_VALUES: set[EscalationPublicTrigger] = {
    "critical",
    "high_overdue",
    "manual",
}


def check_escalation_public_trigger(value: str) -> EscalationPublicTrigger:
    if value in ESCALATION_PUBLIC_TRIGGER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ESCALATION_PUBLIC_TRIGGER_VALUES!r}")
