from typing import Literal

MilestoneCreateStatus = Literal["done", "in_progress", "missed", "planned"]

MILESTONE_CREATE_STATUS_VALUES: set[MilestoneCreateStatus] = {
    "done",
    "in_progress",
    "missed",
    "planned",
}


def check_milestone_create_status(value: str) -> MilestoneCreateStatus:
    if value in MILESTONE_CREATE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MILESTONE_CREATE_STATUS_VALUES!r}")
