from typing import Literal

SectionDiffChange = Literal["added", "modified", "removed", "unchanged"]

SECTION_DIFF_CHANGE_VALUES: set[SectionDiffChange] = {
    "added",
    "modified",
    "removed",
    "unchanged",
}


def check_section_diff_change(value: str) -> SectionDiffChange:
    if value in SECTION_DIFF_CHANGE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SECTION_DIFF_CHANGE_VALUES!r}")
