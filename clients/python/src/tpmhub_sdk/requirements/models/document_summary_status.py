from typing import Literal

DocumentSummaryStatus = Literal["approved", "changes_requested", "draft", "in_review"]

DOCUMENT_SUMMARY_STATUS_VALUES: set[DocumentSummaryStatus] = {
    "approved",
    "changes_requested",
    "draft",
    "in_review",
}


def check_document_summary_status(value: str) -> DocumentSummaryStatus:
    if value in DOCUMENT_SUMMARY_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DOCUMENT_SUMMARY_STATUS_VALUES!r}")
