from typing import Literal

ItemPublicMoscowType0 = Literal["could", "must", "should", "wont"]

ITEM_PUBLIC_MOSCOW_TYPE_0_VALUES: set[ItemPublicMoscowType0] = {
    "could",
    "must",
    "should",
    "wont",
}


def check_item_public_moscow_type_0(value: str) -> ItemPublicMoscowType0:
    if value in ITEM_PUBLIC_MOSCOW_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_PUBLIC_MOSCOW_TYPE_0_VALUES!r}")
