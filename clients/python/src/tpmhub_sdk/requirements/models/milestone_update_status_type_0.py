from typing import Literal

MilestoneUpdateStatusType0 = Literal["done", "in_progress", "missed", "planned"]

MILESTONE_UPDATE_STATUS_TYPE_0_VALUES: set[MilestoneUpdateStatusType0] = {
    "done",
    "in_progress",
    "missed",
    "planned",
}


def check_milestone_update_status_type_0(value: str) -> MilestoneUpdateStatusType0:
    if value in MILESTONE_UPDATE_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MILESTONE_UPDATE_STATUS_TYPE_0_VALUES!r}")
