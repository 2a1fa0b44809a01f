from typing import Literal

SectionRefDocumentStatus = Literal["approved", "changes_requested", "draft", "in_review"]

SECTION_REF_DOCUMENT_STATUS_VALUES: set[SectionRefDocumentStatus] = {
    "approved",
    "changes_requested",
    "draft",
    "in_review",
}


def check_section_ref_document_status(value: str) -> SectionRefDocumentStatus:
    if value in SECTION_REF_DOCUMENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SECTION_REF_DOCUMENT_STATUS_VALUES!r}")
