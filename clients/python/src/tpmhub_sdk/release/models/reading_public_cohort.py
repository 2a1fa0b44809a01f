from typing import Literal

ReadingPublicCohort = Literal["baseline", "canary"]

READING_PUBLIC_COHORT_VALUES: set[ReadingPublicCohort] = {
    "baseline",
    "canary",
}


def check_reading_public_cohort(value: str) -> ReadingPublicCohort:
    if value in READING_PUBLIC_COHORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {READING_PUBLIC_COHORT_VALUES!r}")
