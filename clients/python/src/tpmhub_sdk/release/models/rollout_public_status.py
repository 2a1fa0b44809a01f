from typing import Literal

RolloutPublicStatus = Literal["aborted", "completed", "draft", "paused", "rolled_back", "running"]

ROLLOUT_PUBLIC_STATUS_VALUES: set[RolloutPublicStatus] = {
    "aborted",
    "completed",
    "draft",
    "paused",
    "rolled_back",
    "running",
}


def check_rollout_public_status(value: str) -> RolloutPublicStatus:
    if value in ROLLOUT_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLLOUT_PUBLIC_STATUS_VALUES!r}")
