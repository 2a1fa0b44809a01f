from typing import Literal

ListItemsSeverityType0Item = Literal["S1", "S2", "S3", "S4"]

LIST_ITEMS_SEVERITY_TYPE_0_ITEM_VALUES: set[ListItemsSeverityType0Item] = {
    "S1",
    "S2",
    "S3",
    "S4",
}


def check_list_items_severity_type_0_item(value: str) -> ListItemsSeverityType0Item:
    if value in LIST_ITEMS_SEVERITY_TYPE_0_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ITEMS_SEVERITY_TYPE_0_ITEM_VALUES!r}")
