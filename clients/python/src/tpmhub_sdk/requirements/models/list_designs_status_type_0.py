from typing import Literal

ListDesignsStatusType0 = Literal["approved", "changes_requested", "draft", "in_review"]

LIST_DESIGNS_STATUS_TYPE_0_VALUES: set[ListDesignsStatusType0] = {
    "approved",
    "changes_requested",
    "draft",
    "in_review",
}


def check_list_designs_status_type_0(value: str) -> ListDesignsStatusType0:
    if value in LIST_DESIGNS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_DESIGNS_STATUS_TYPE_0_VALUES!r}")
