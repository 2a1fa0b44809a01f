from typing import Literal

SectionRefKind = Literal["design", "prd"]

SECTION_REF_KIND_VALUES: set[SectionRefKind] = {
    "design",
    "prd",
}


def check_section_ref_kind(value: str) -> SectionRefKind:
    if value in SECTION_REF_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SECTION_REF_KIND_VALUES!r}")
