from typing import Literal

ItemPublicType = Literal["bug", "epic", "feature", "spike", "story", "task"]

ITEM_PUBLIC_TYPE_VALUES: set[ItemPublicType] = {
    "bug",
    "epic",
    "feature",
    "spike",
    "story",
    "task",
}


def check_item_public_type(value: str) -> ItemPublicType:
    if value in ITEM_PUBLIC_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_PUBLIC_TYPE_VALUES!r}")
