from typing import Literal

VerificationCreateResult = Literal["blocked", "failed", "passed"]

VERIFICATION_CREATE_RESULT_VALUES: set[VerificationCreateResult] = {
    "blocked",
    "failed",
    "passed",
}


def check_verification_create_result(value: str) -> VerificationCreateResult:
    if value in VERIFICATION_CREATE_RESULT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VERIFICATION_CREATE_RESULT_VALUES!r}")
