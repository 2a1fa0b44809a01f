from typing import Literal

ListItemsTypeType0Item = Literal["bug", "epic", "feature", "spike", "story", "task"]

LIST_ITEMS_TYPE_TYPE_0_ITEM_VALUES: set[ListItemsTypeType0Item] = {
    "bug",
    "epic",
    "feature",
    "spike",
    "story",
    "task",
}


def check_list_items_type_type_0_item(value: str) -> ListItemsTypeType0Item:
    if value in LIST_ITEMS_TYPE_TYPE_0_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ITEMS_TYPE_TYPE_0_ITEM_VALUES!r}")
