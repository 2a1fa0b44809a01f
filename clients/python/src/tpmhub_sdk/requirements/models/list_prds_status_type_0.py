from typing import Literal

ListPrdsStatusType0 = Literal["approved", "changes_requested", "draft", "in_review"]

LIST_PRDS_STATUS_TYPE_0_VALUES: set[ListPrdsStatusType0] = {
    "approved",
    "changes_requested",
    "draft",
    "in_review",
}


def check_list_prds_status_type_0(value: str) -> ListPrdsStatusType0:
    if value in LIST_PRDS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_PRDS_STATUS_TYPE_0_VALUES!r}")
