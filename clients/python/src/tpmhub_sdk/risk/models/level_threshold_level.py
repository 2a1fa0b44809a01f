from typing import Literal

LevelThresholdLevel = Literal["critical", "high", "low", "medium"]

LEVEL_THRESHOLD_LEVEL_VALUES: set[LevelThresholdLevel] = {
    "critical",
    "high",
    "low",
    "medium",
}


def check_level_threshold_level(value: str) -> LevelThresholdLevel:
    if value in LEVEL_THRESHOLD_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LEVEL_THRESHOLD_LEVEL_VALUES!r}")
