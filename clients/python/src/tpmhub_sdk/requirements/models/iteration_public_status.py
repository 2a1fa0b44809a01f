from typing import Literal

IterationPublicStatus = Literal["active", "closed", "planned"]

ITERATION_PUBLIC_STATUS_VALUES: set[IterationPublicStatus] = {
    "active",
    "closed",
    "planned",
}


def check_iteration_public_status(value: str) -> IterationPublicStatus:
    if value in ITERATION_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITERATION_PUBLIC_STATUS_VALUES!r}")
