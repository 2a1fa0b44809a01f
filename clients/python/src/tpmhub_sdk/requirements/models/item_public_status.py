from typing import Literal

ItemPublicStatus = Literal["backlog", "done", "in_progress", "in_review", "ready", "wont_do"]

ITEM_PUBLIC_STATUS_VALUES: set[ItemPublicStatus] = {
    "backlog",
    "done",
    "in_progress",
    "in_review",
    "ready",
    "wont_do",
}


def check_item_public_status(value: str) -> ItemPublicStatus:
    if value in ITEM_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_PUBLIC_STATUS_VALUES!r}")
