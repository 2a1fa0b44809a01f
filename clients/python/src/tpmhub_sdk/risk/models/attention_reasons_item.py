from typing import Literal

AttentionReasonsItem = Literal["no_open_action", "overdue_action"]

ATTENTION_REASONS_ITEM_VALUES: set[AttentionReasonsItem] = {
    "no_open_action",
    "overdue_action",
}


def check_attention_reasons_item(value: str) -> AttentionReasonsItem:
    if value in ATTENTION_REASONS_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ATTENTION_REASONS_ITEM_VALUES!r}")
