from typing import Literal

DocumentPublicStatus = Literal["approved", "changes_requested", "draft", "in_review"]

DOCUMENT_PUBLIC_STATUS_VALUES: set[DocumentPublicStatus] = {
    "approved",
    "changes_requested",
    "draft",
    "in_review",
}


def check_document_public_status(value: str) -> DocumentPublicStatus:
    if value in DOCUMENT_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DOCUMENT_PUBLIC_STATUS_VALUES!r}")
