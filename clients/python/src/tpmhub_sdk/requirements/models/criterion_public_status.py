from typing import Literal

CriterionPublicStatus = Literal["failed", "passed", "pending"]

CRITERION_PUBLIC_STATUS_VALUES: set[CriterionPublicStatus] = {
    "failed",
    "passed",
    "pending",
}


def check_criterion_public_status(value: str) -> CriterionPublicStatus:
    if value in CRITERION_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CRITERION_PUBLIC_STATUS_VALUES!r}")
