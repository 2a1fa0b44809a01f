from typing import Literal

RolloutPublicUnitKind = Literal["device", "region", "tenant", "user"]

ROLLOUT_PUBLIC_UNIT_KIND_VALUES: set[RolloutPublicUnitKind] = {
    "device",
    "region",
    "tenant",
    "user",
}


def check_rollout_public_unit_kind(value: str) -> RolloutPublicUnitKind:
    if value in ROLLOUT_PUBLIC_UNIT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLLOUT_PUBLIC_UNIT_KIND_VALUES!r}")
