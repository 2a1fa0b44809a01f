from typing import Literal

DocumentSummaryKind = Literal["design", "prd"]

DOCUMENT_SUMMARY_KIND_VALUES: set[DocumentSummaryKind] = {
    "design",
    "prd",
}


def check_document_summary_kind(value: str) -> DocumentSummaryKind:
    if value in DOCUMENT_SUMMARY_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DOCUMENT_SUMMARY_KIND_VALUES!r}")
