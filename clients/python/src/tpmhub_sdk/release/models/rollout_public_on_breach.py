from typing import Literal

RolloutPublicOnBreach = Literal["pause", "rollback"]

ROLLOUT_PUBLIC_ON_BREACH_VALUES: set[RolloutPublicOnBreach] = {
    "pause",
    "rollback",
}


def check_rollout_public_on_breach(value: str) -> RolloutPublicOnBreach:
    if value in ROLLOUT_PUBLIC_ON_BREACH_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLLOUT_PUBLIC_ON_BREACH_VALUES!r}")
