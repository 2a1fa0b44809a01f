from typing import Literal

ListItemsStatusType0Item = Literal["backlog", "done", "in_progress", "in_review", "ready", "wont_do"]

LIST_ITEMS_STATUS_TYPE_0_ITEM_VALUES: set[ListItemsStatusType0Item] = {
    "backlog",
    "done",
    "in_progress",
    "in_review",
    "ready",
    "wont_do",
}


def check_list_items_status_type_0_item(value: str) -> ListItemsStatusType0Item:
    if value in LIST_ITEMS_STATUS_TYPE_0_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ITEMS_STATUS_TYPE_0_ITEM_VALUES!r}")
