from typing import Literal

RolloutCreateOnBreach = Literal["pause", "rollback"]

ROLLOUT_CREATE_ON_BREACH_VALUES: set[RolloutCreateOnBreach] = {
    "pause",
    "rollback",
}


def check_rollout_create_on_breach(value: str) -> RolloutCreateOnBreach:
    if value in ROLLOUT_CREATE_ON_BREACH_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLLOUT_CREATE_ON_BREACH_VALUES!r}")
