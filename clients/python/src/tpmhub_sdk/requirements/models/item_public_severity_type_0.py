from typing import Literal

ItemPublicSeverityType0 = Literal["S1", "S2", "S3", "S4"]

ITEM_PUBLIC_SEVERITY_TYPE_0_VALUES: set[ItemPublicSeverityType0] = {
    "S1",
    "S2",
    "S3",
    "S4",
}


def check_item_public_severity_type_0(value: str) -> ItemPublicSeverityType0:
    if value in ITEM_PUBLIC_SEVERITY_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_PUBLIC_SEVERITY_TYPE_0_VALUES!r}")
