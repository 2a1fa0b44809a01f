from typing import Literal

ListItemsPriorityType0Item = Literal["P0", "P1", "P2", "P3"]

LIST_ITEMS_PRIORITY_TYPE_0_ITEM_VALUES: set[ListItemsPriorityType0Item] = {
    "P0",
    "P1",
    "P2",
    "P3",
}


def check_list_items_priority_type_0_item(value: str) -> ListItemsPriorityType0Item:
    if value in LIST_ITEMS_PRIORITY_TYPE_0_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ITEMS_PRIORITY_TYPE_0_ITEM_VALUES!r}")
