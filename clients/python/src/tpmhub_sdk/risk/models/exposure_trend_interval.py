from typing import Literal

ExposureTrendInterval = Literal["day", "week"]

EXPOSURE_TREND_INTERVAL_VALUES: set[ExposureTrendInterval] = {
    "day",
    "week",
}


def check_exposure_trend_interval(value: str) -> ExposureTrendInterval:
    if value in EXPOSURE_TREND_INTERVAL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EXPOSURE_TREND_INTERVAL_VALUES!r}")
