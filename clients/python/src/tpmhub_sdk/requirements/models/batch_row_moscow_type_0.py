from typing import Literal

BatchRowMoscowType0 = Literal["could", "must", "should", "wont"]

BATCH_ROW_MOSCOW_TYPE_0_VALUES: set[BatchRowMoscowType0] = {
    "could",
    "must",
    "should",
    "wont",
}


def check_batch_row_moscow_type_0(value: str) -> BatchRowMoscowType0:
    if value in BATCH_ROW_MOSCOW_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BATCH_ROW_MOSCOW_TYPE_0_VALUES!r}")
