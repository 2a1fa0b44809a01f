from typing import Literal

SchedulePublicWeekdayType0 = Literal[
    "friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday"
]

SCHEDULE_PUBLIC_WEEKDAY_TYPE_0_VALUES: set[SchedulePublicWeekdayType0] = {
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
}


def check_schedule_public_weekday_type_0(value: str) -> SchedulePublicWeekdayType0:
    if value in SCHEDULE_PUBLIC_WEEKDAY_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SCHEDULE_PUBLIC_WEEKDAY_TYPE_0_VALUES!r}")
