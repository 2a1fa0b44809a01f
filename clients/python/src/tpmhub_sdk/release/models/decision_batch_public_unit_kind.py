from typing import Literal

DecisionBatchPublicUnitKind = Literal["device", "region", "tenant", "user"]

DECISION_BATCH_PUBLIC_UNIT_KIND_VALUES: set[DecisionBatchPublicUnitKind] = {
    "device",
    "region",
    "tenant",
    "user",
}


def check_decision_batch_public_unit_kind(value: str) -> DecisionBatchPublicUnitKind:
    if value in DECISION_BATCH_PUBLIC_UNIT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DECISION_BATCH_PUBLIC_UNIT_KIND_VALUES!r}")
