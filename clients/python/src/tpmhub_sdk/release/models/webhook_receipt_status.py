from typing import Literal

WebhookReceiptStatus = Literal["duplicate", "ignored", "processed"]

WEBHOOK_RECEIPT_STATUS_VALUES: set[WebhookReceiptStatus] = {
    "duplicate",
    "ignored",
    "processed",
}


def check_webhook_receipt_status(value: str) -> WebhookReceiptStatus:
    if value in WEBHOOK_RECEIPT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_RECEIPT_STATUS_VALUES!r}")
