from typing import Literal

VerificationPublicResult = Literal["blocked", "failed", "passed"]

VERIFICATION_PUBLIC_RESULT_VALUES: set[VerificationPublicResult] = {
    "blocked",
    "failed",
    "passed",
}


def check_verification_public_result(value: str) -> VerificationPublicResult:
    if value in VERIFICATION_PUBLIC_RESULT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VERIFICATION_PUBLIC_RESULT_VALUES!r}")
