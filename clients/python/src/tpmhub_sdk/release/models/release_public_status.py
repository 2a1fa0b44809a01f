from typing import Literal

ReleasePublicStatus = Literal[
    "approved", "cancelled", "deploying", "draft", "in_review", "released", "rolled_back", "verifying"
]

RELEASE_PUBLIC_STATUS_VALUES: set[ReleasePublicStatus] = {
    "approved",
    "cancelled",
    "deploying",
    "draft",
    "in_review",
    "released",
    "rolled_back",
    "verifying",
}


def check_release_public_status(value: str) -> ReleasePublicStatus:
    if value in RELEASE_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RELEASE_PUBLIC_STATUS_VALUES!r}")
