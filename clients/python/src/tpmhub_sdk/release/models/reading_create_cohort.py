from typing import Literal

ReadingCreateCohort = Literal["baseline", "canary"]

READING_CREATE_COHORT_VALUES: set[ReadingCreateCohort] = {
    "baseline",
    "canary",
}


def check_reading_create_cohort(value: str) -> ReadingCreateCohort:
    if value in READING_CREATE_COHORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {READING_CREATE_COHORT_VALUES!r}")
