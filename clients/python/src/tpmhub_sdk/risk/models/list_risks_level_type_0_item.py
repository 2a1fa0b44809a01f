from typing import Literal

ListRisksLevelType0Item = Literal["critical", "high", "low", "medium"]

LIST_RISKS_LEVEL_TYPE_0_ITEM_VALUES: set[ListRisksLevelType0Item] = {
    "critical",
    "high",
    "low",
    "medium",
}


def check_list_risks_level_type_0_item(value: str) -> ListRisksLevelType0Item:
    if value in LIST_RISKS_LEVEL_TYPE_0_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_RISKS_LEVEL_TYPE_0_ITEM_VALUES!r}")
