from typing import Literal

SchedulePublicAction = Literal["advance", "start"]

SCHEDULE_PUBLIC_ACTION_VALUES: set[SchedulePublicAction] = {
    "advance",
    "start",
}


def check_schedule_public_action(value: str) -> SchedulePublicAction:
    if value in SCHEDULE_PUBLIC_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SCHEDULE_PUBLIC_ACTION_VALUES!r}")
