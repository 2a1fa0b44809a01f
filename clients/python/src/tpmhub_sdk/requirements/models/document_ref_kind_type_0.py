from typing import Literal

DocumentRefKindType0 = Literal["design", "prd"]

DOCUMENT_REF_KIND_TYPE_0_VALUES: set[DocumentRefKindType0] = {
    "design",
    "prd",
}


def check_document_ref_kind_type_0(value: str) -> DocumentRefKindType0:
    if value in DOCUMENT_REF_KIND_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DOCUMENT_REF_KIND_TYPE_0_VALUES!r}")
