from typing import Literal

ListCiDeliveriesStatusType0 = Literal["ignored", "processed"]

LIST_CI_DELIVERIES_STATUS_TYPE_0_VALUES: set[ListCiDeliveriesStatusType0] = {
    "ignored",
    "processed",
}


def check_list_ci_deliveries_status_type_0(value: str) -> ListCiDeliveriesStatusType0:
    if value in LIST_CI_DELIVERIES_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_CI_DELIVERIES_STATUS_TYPE_0_VALUES!r}"
    )
