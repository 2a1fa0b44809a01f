from typing import Literal

ItemCreateSeverityType0 = Literal["S1", "S2", "S3", "S4"]

ITEM_CREATE_SEVERITY_TYPE_0_VALUES: set[ItemCreateSeverityType0] = {
    "S1",
    "S2",
    "S3",
    "S4",
}


def check_item_create_severity_type_0(value: str) -> ItemCreateSeverityType0:
    if value in ITEM_CREATE_SEVERITY_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_CREATE_SEVERITY_TYPE_0_VALUES!r}")
