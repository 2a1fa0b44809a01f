from typing import Literal

ListChangeRequestsStatusType0 = Literal["applied", "approved", "proposed", "rejected"]

LIST_CHANGE_REQUESTS_STATUS_TYPE_0_VALUES: set[ListChangeRequestsStatusType0] = {
    "applied",
    "approved",
    "proposed",
    "rejected",
}


def check_list_change_requests_status_type_0(value: str) -> ListChangeRequestsStatusType0:
    if value in LIST_CHANGE_REQUESTS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_CHANGE_REQUESTS_STATUS_TYPE_0_VALUES!r}"
    )
