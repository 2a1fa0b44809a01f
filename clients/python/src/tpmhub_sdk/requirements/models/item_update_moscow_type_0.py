from typing import Literal

ItemUpdateMoscowType0 = Literal["could", "must", "should", "wont"]

ITEM_UPDATE_MOSCOW_TYPE_0_VALUES: set[ItemUpdateMoscowType0] = {
    "could",
    "must",
    "should",
    "wont",
}


def check_item_update_moscow_type_0(value: str) -> ItemUpdateMoscowType0:
    if value in ITEM_UPDATE_MOSCOW_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_UPDATE_MOSCOW_TYPE_0_VALUES!r}")
