from typing import Literal

ReadingPublicOutcome = Literal["fail", "inconclusive", "no_baseline", "pass", "unchecked"]

READING_PUBLIC_OUTCOME_VALUES: set[ReadingPublicOutcome] = {
    "fail",
    "inconclusive",
    "no_baseline",
    "pass",
    "unchecked",
}


def check_reading_public_outcome(value: str) -> ReadingPublicOutcome:
    if value in READING_PUBLIC_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {READING_PUBLIC_OUTCOME_VALUES!r}")
