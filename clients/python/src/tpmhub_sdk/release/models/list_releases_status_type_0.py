from typing import Literal

ListReleasesStatusType0 = Literal[
    "approved", "cancelled", "deploying", "draft", "in_review", "released", "rolled_back", "verifying"
]

LIST_RELEASES_STATUS_TYPE_0_VALUES: set[ListReleasesStatusType0] = {
    "approved",
    "cancelled",
    "deploying",
    "draft",
    "in_review",
    "released",
    "rolled_back",
    "verifying",
}


def check_list_releases_status_type_0(value: str) -> ListReleasesStatusType0:
    if value in LIST_RELEASES_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_RELEASES_STATUS_TYPE_0_VALUES!r}")
