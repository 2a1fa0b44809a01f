from typing import Literal

CriterionVerifyStatus = Literal["failed", "passed", "pending"]

CRITERION_VERIFY_STATUS_VALUES: set[CriterionVerifyStatus] = {
    "failed",
    "passed",
    "pending",
}


def check_criterion_verify_status(value: str) -> CriterionVerifyStatus:
    if value in CRITERION_VERIFY_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CRITERION_VERIFY_STATUS_VALUES!r}")
