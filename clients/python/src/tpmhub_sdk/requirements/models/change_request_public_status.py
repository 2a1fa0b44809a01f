from typing import Literal

ChangeRequestPublicStatus = Literal["applied", "approved", "proposed", "rejected"]

CHANGE_REQUEST_PUBLIC_STATUS_VALUES: set[ChangeRequestPublicStatus] = {
    "applied",
    "approved",
    "proposed",
    "rejected",
}


def check_change_request_public_status(value: str) -> ChangeRequestPublicStatus:
    if value in CHANGE_REQUEST_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHANGE_REQUEST_PUBLIC_STATUS_VALUES!r}")
