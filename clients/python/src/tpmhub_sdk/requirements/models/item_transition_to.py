from typing import Literal

ItemTransitionTo = Literal["backlog", "done", "in_progress", "in_review", "ready", "wont_do"]

ITEM_TRANSITION_TO_VALUES: set[ItemTransitionTo] = {
    "backlog",
    "done",
    "in_progress",
    "in_review",
    "ready",
    "wont_do",
}


def check_item_transition_to(value: str) -> ItemTransitionTo:
    if value in ITEM_TRANSITION_TO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_TRANSITION_TO_VALUES!r}")
