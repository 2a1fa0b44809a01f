from typing import Literal

DecisionPublicUnitKind = Literal["device", "region", "tenant", "user"]

DECISION_PUBLIC_UNIT_KIND_VALUES: set[DecisionPublicUnitKind] = {
    "device",
    "region",
    "tenant",
    "user",
}


def check_decision_public_unit_kind(value: str) -> DecisionPublicUnitKind:
    if value in DECISION_PUBLIC_UNIT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DECISION_PUBLIC_UNIT_KIND_VALUES!r}")
