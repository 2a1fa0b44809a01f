from typing import Literal

ListEventDeliveriesStatusType0 = Literal["dead", "delivered", "pending"]

LIST_EVENT_DELIVERIES_STATUS_TYPE_0_VALUES: set[ListEventDeliveriesStatusType0] = {
    "dead",
    "delivered",
    "pending",
}


def check_list_event_deliveries_status_type_0(value: str) -> ListEventDeliveriesStatusType0:
    if value in LIST_EVENT_DELIVERIES_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_EVENT_DELIVERIES_STATUS_TYPE_0_VALUES!r}"
    )
