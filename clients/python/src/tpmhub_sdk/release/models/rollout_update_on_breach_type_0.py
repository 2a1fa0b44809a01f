from typing import Literal

RolloutUpdateOnBreachType0 = Literal["pause", "rollback"]

ROLLOUT_UPDATE_ON_BREACH_TYPE_0_VALUES: set[RolloutUpdateOnBreachType0] = {
    "pause",
    "rollback",
}


def check_rollout_update_on_breach_type_0(value: str) -> RolloutUpdateOnBreachType0:
    if value in ROLLOUT_UPDATE_ON_BREACH_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLLOUT_UPDATE_ON_BREACH_TYPE_0_VALUES!r}")
