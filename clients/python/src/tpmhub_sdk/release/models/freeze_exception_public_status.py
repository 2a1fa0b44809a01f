from typing import Literal

FreezeExceptionPublicStatus = Literal["approved", "rejected", "requested"]

FREEZE_EXCEPTION_PUBLIC_STATUS_VALUES: set[FreezeExceptionPublicStatus] = {
    "approved",
    "rejected",
    "requested",
}


def check_freeze_exception_public_status(value: str) -> FreezeExceptionPublicStatus:
    if value in FREEZE_EXCEPTION_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FREEZE_EXCEPTION_PUBLIC_STATUS_VALUES!r}")
