from typing import Literal

ItemPublicPriority = Literal["P0", "P1", "P2", "P3"]

ITEM_PUBLIC_PRIORITY_VALUES: set[ItemPublicPriority] = {
    "P0",
    "P1",
    "P2",
    "P3",
}


def check_item_public_priority(value: str) -> ItemPublicPriority:
    if value in ITEM_PUBLIC_PRIORITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_PUBLIC_PRIORITY_VALUES!r}")
