from typing import Literal

ItemCreateMoscowType0 = Literal["could", "must", "should", "wont"]

ITEM_CREATE_MOSCOW_TYPE_0_VALUES: set[ItemCreateMoscowType0] = {
    "could",
    "must",
    "should",
    "wont",
}


def check_item_create_moscow_type_0(value: str) -> ItemCreateMoscowType0:
    if value in ITEM_CREATE_MOSCOW_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_CREATE_MOSCOW_TYPE_0_VALUES!r}")
