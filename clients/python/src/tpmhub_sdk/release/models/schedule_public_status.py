from typing import Literal

SchedulePublicStatus = Literal["cancelled", "done", "failed", "pending", "running"]

SCHEDULE_PUBLIC_STATUS_VALUES: set[SchedulePublicStatus] = {
    "cancelled",
    "done",
    "failed",
    "pending",
    "running",
}


def check_schedule_public_status(value: str) -> SchedulePublicStatus:
    if value in SCHEDULE_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SCHEDULE_PUBLIC_STATUS_VALUES!r}")
