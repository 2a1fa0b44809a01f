from typing import Literal

TriggerComparator = Literal["!=", "<", "<=", "==", ">", ">="]

TRIGGER_COMPARATOR_VALUES: set[TriggerComparator] = {
    "!=",
    "<",
    "<=",
    "==",
    ">",
    ">=",
}


def check_trigger_comparator(value: str) -> TriggerComparator:
    if value in TRIGGER_COMPARATOR_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TRIGGER_COMPARATOR_VALUES!r}")
