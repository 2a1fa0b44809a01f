from typing import Literal

VerificationUpdateResultType0 = Literal["blocked", "failed", "passed"]

VERIFICATION_UPDATE_RESULT_TYPE_0_VALUES: set[VerificationUpdateResultType0] = {
    "blocked",
    "failed",
    "passed",
}


def check_verification_update_result_type_0(value: str) -> VerificationUpdateResultType0:
    if value in VERIFICATION_UPDATE_RESULT_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {VERIFICATION_UPDATE_RESULT_TYPE_0_VALUES!r}"
    )
