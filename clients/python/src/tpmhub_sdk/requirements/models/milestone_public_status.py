from typing import Literal

MilestonePublicStatus = Literal["done", "in_progress", "missed", "planned"]

MILESTONE_PUBLIC_STATUS_VALUES: set[MilestonePublicStatus] = {
    "done",
    "in_progress",
    "missed",
    "planned",
}


def check_milestone_public_status(value: str) -> MilestonePublicStatus:
    if value in MILESTONE_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MILESTONE_PUBLIC_STATUS_VALUES!r}")
