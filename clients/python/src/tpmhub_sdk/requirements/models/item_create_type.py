from typing import Literal

ItemCreateType = Literal["bug", "epic", "feature", "spike", "story", "task"]

ITEM_CREATE_TYPE_VALUES: set[ItemCreateType] = {
    "bug",
    "epic",
    "feature",
    "spike",
    "story",
    "task",
}


def check_item_create_type(value: str) -> ItemCreateType:
    if value in ITEM_CREATE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_CREATE_TYPE_VALUES!r}")
