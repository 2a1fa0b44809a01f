from typing import Literal

ReadingsResultActionTakenType0 = Literal["pause", "rollback"]

READINGS_RESULT_ACTION_TAKEN_TYPE_0_VALUES: set[ReadingsResultActionTakenType0] = {
    "pause",
    "rollback",
}


def check_readings_result_action_taken_type_0(value: str) -> ReadingsResultActionTakenType0:
    if value in READINGS_RESULT_ACTION_TAKEN_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {READINGS_RESULT_ACTION_TAKEN_TYPE_0_VALUES!r}"
    )
