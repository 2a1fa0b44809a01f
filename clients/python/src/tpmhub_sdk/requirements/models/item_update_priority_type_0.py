from typing import Literal

ItemUpdatePriorityType0 = Literal["P0", "P1", "P2", "P3"]

ITEM_UPDATE_PRIORITY_TYPE_0_VALUES: set[ItemUpdatePriorityType0] = {
    "P0",
    "P1",
    "P2",
    "P3",
}


def check_item_update_priority_type_0(value: str) -> ItemUpdatePriorityType0:
    if value in ITEM_UPDATE_PRIORITY_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_UPDATE_PRIORITY_TYPE_0_VALUES!r}")
