from typing import Literal

BatchRowType = Literal["bug", "epic", "feature", "spike", "story", "task"]

BATCH_ROW_TYPE_VALUES: set[BatchRowType] = {
    "bug",
    "epic",
    "feature",
    "spike",
    "story",
    "task",
}


def check_batch_row_type(value: str) -> BatchRowType:
    if value in BATCH_ROW_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BATCH_ROW_TYPE_VALUES!r}")
