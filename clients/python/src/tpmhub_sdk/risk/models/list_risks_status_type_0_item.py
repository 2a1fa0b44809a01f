from typing import Literal

ListRisksStatusType0Item = Literal["assessed", "closed", "identified", "mitigating", "monitoring", "occurred"]

LIST_RISKS_STATUS_TYPE_0_ITEM_VALUES: set[ListRisksStatusType0Item] = {
    "assessed",
    "closed",
    "identified",
    "mitigating",
    "monitoring",
    "occurred",
}


def check_list_risks_status_type_0_item(value: str) -> ListRisksStatusType0Item:
    if value in LIST_RISKS_STATUS_TYPE_0_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_RISKS_STATUS_TYPE_0_ITEM_VALUES!r}")
