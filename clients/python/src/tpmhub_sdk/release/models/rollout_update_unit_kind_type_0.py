from typing import Literal

RolloutUpdateUnitKindType0 = Literal["device", "region", "tenant", "user"]

ROLLOUT_UPDATE_UNIT_KIND_TYPE_0_VALUES: set[RolloutUpdateUnitKindType0] = {
    "device",
    "region",
    "tenant",
    "user",
}


def check_rollout_update_unit_kind_type_0(value: str) -> RolloutUpdateUnitKindType0:
    if value in ROLLOUT_UPDATE_UNIT_KIND_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLLOUT_UPDATE_UNIT_KIND_TYPE_0_VALUES!r}")
