from typing import Literal

ReadingCheckOutcome = Literal["fail", "inconclusive", "no_baseline", "pass"]

READING_CHECK_OUTCOME_VALUES: set[ReadingCheckOutcome] = {
    "fail",
    "inconclusive",
    "no_baseline",
    "pass",
}


def check_reading_check_outcome(value: str) -> ReadingCheckOutcome:
    if value in READING_CHECK_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {READING_CHECK_OUTCOME_VALUES!r}")
