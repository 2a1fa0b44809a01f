from typing import Literal

ActionPublicStatus = Literal["cancelled", "done", "in_progress", "open"]

ACTION_PUBLIC_STATUS_VALUES: set[ActionPublicStatus] = {
    "cancelled",
    "done",
    "in_progress",
    "open",
}


def check_action_public_status(value: str) -> ActionPublicStatus:
    if value in ACTION_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACTION_PUBLIC_STATUS_VALUES!r}")
