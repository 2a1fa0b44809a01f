from typing import Literal

ItemCreatePriorityType0 = Literal["P0", "P1", "P2", "P3"]

ITEM_CREATE_PRIORITY_TYPE_0_VALUES: set[ItemCreatePriorityType0] = {
    "P0",
    "P1",
    "P2",
    "P3",
}


def check_item_create_priority_type_0(value: str) -> ItemCreatePriorityType0:
    if value in ITEM_CREATE_PRIORITY_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_CREATE_PRIORITY_TYPE_0_VALUES!r}")
