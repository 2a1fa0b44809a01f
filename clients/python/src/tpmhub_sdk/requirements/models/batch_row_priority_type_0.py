from typing import Literal

BatchRowPriorityType0 = Literal["P0", "P1", "P2", "P3"]

BATCH_ROW_PRIORITY_TYPE_0_VALUES: set[BatchRowPriorityType0] = {
    "P0",
    "P1",
    "P2",
    "P3",
}


def check_batch_row_priority_type_0(value: str) -> BatchRowPriorityType0:
    if value in BATCH_ROW_PRIORITY_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BATCH_ROW_PRIORITY_TYPE_0_VALUES!r}")
