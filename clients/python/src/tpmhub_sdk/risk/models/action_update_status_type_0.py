from typing import Literal

ActionUpdateStatusType0 = Literal["cancelled", "done", "in_progress", "open"]

ACTION_UPDATE_STATUS_TYPE_0_VALUES: set[ActionUpdateStatusType0] = {
    "cancelled",
    "done",
    "in_progress",
    "open",
}


def check_action_update_status_type_0(value: str) -> ActionUpdateStatusType0:
    if value in ACTION_UPDATE_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACTION_UPDATE_STATUS_TYPE_0_VALUES!r}")
