from typing import Literal

DocumentPublicKind = Literal["design", "prd"]

DOCUMENT_PUBLIC_KIND_VALUES: set[DocumentPublicKind] = {
    "design",
    "prd",
}


def check_document_public_kind(value: str) -> DocumentPublicKind:
    if value in DOCUMENT_PUBLIC_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DOCUMENT_PUBLIC_KIND_VALUES!r}")
