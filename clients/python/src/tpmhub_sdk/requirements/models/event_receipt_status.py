from typing import Literal

EventReceiptStatus = Literal["duplicate", "ignored", "processed"]

EVENT_RECEIPT_STATUS_VALUES: set[EventReceiptStatus] = {
    "duplicate",
    "ignored",
    "processed",
}


def check_event_receipt_status(value: str) -> EventReceiptStatus:
    if value in EVENT_RECEIPT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVENT_RECEIPT_STATUS_VALUES!r}")
