from typing import Literal

ScheduleCreateAction = Literal["advance", "start"]

SCHEDULE_CREATE_ACTION_VALUES: set[ScheduleCreateAction] = {
    "advance",
    "start",
}


def check_schedule_create_action(value: str) -> ScheduleCreateAction:
    if value in SCHEDULE_CREATE_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SCHEDULE_CREATE_ACTION_VALUES!r}")
