from typing import Literal

BatchRowSeverityType0 = Literal["S1", "S2", "S3", "S4"]

BATCH_ROW_SEVERITY_TYPE_0_VALUES: set[BatchRowSeverityType0] = {
    "S1",
    "S2",
    "S3",
    "S4",
}


def check_batch_row_severity_type_0(value: str) -> BatchRowSeverityType0:
    if value in BATCH_ROW_SEVERITY_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BATCH_ROW_SEVERITY_TYPE_0_VALUES!r}")
