from typing import Literal

ItemUpdateSeverityType0 = Literal["S1", "S2", "S3", "S4"]

ITEM_UPDATE_SEVERITY_TYPE_0_VALUES: set[ItemUpdateSeverityType0] = {
    "S1",
    "S2",
    "S3",
    "S4",
}


def check_item_update_severity_type_0(value: str) -> ItemUpdateSeverityType0:
    if value in ITEM_UPDATE_SEVERITY_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_UPDATE_SEVERITY_TYPE_0_VALUES!r}")
