from typing import Literal

ReviewPublicLevel = Literal["critical", "high", "low", "medium"]

REVIEW_PUBLIC_LEVEL_VALUES: set[ReviewPublicLevel] = {
    "critical",
    "high",
    "low",
    "medium",
}


def check_review_public_level(value: str) -> ReviewPublicLevel:
    if value in REVIEW_PUBLIC_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REVIEW_PUBLIC_LEVEL_VALUES!r}")
