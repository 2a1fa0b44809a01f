from typing import Literal

RolloutCreateUnitKind = Literal["device", "region", "tenant", "user"]

ROLLOUT_CREATE_UNIT_KIND_VALUES: set[RolloutCreateUnitKind] = {
    "device",
    "region",
    "tenant",
    "user",
}


def check_rollout_create_unit_kind(value: str) -> RolloutCreateUnitKind:
    if value in ROLLOUT_CREATE_UNIT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLLOUT_CREATE_UNIT_KIND_VALUES!r}")
