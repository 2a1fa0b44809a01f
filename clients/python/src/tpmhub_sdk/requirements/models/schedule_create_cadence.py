from typing import Literal

ScheduleCreateCadence = Literal["daily", "weekly"]

SCHEDULE_CREATE_CADENCE_VALUES: set[ScheduleCreateCadence] = {
    "daily",
    "weekly",
}


def check_schedule_create_cadence(value: str) -> ScheduleCreateCadence:
    if value in SCHEDULE_CREATE_CADENCE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SCHEDULE_CREATE_CADENCE_VALUES!r}")
