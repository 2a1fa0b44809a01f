from typing import Literal

SchedulePublicCadence = Literal["daily", "weekly"]

SCHEDULE_PUBLIC_CADENCE_VALUES: set[SchedulePublicCadence] = {
    "daily",
    "weekly",
}


def check_schedule_public_cadence(value: str) -> SchedulePublicCadence:
    if value in SCHEDULE_PUBLIC_CADENCE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SCHEDULE_PUBLIC_CADENCE_VALUES!r}")
