from typing import Literal

ScheduleCreateWeekdayType0 = Literal[
    "friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday"
]

SCHEDULE_CREATE_WEEKDAY_TYPE_0_VALUES: set[ScheduleCreateWeekdayType0] = {
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
}


def check_schedule_create_weekday_type_0(value: str) -> ScheduleCreateWeekdayType0:
    if value in SCHEDULE_CREATE_WEEKDAY_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SCHEDULE_CREATE_WEEKDAY_TYPE_0_VALUES!r}")
