from typing import Literal

ItemUpdateTypeType0 = Literal["bug", "epic", "feature", "spike", "story", "task"]

ITEM_UPDATE_TYPE_TYPE_0_VALUES: set[ItemUpdateTypeType0] = {
    "bug",
    "epic",
    "feature",
    "spike",
    "story",
    "task",
}


def check_item_update_type_type_0(value: str) -> ItemUpdateTypeType0:
    if value in ITEM_UPDATE_TYPE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_UPDATE_TYPE_TYPE_0_VALUES!r}")
