from typing import Literal

GetRiskExposureInterval = Literal["day", "week"]

GET_RISK_EXPOSURE_INTERVAL_VALUES: set[GetRiskExposureInterval] = {
    "day",
    "week",
}


def check_get_risk_exposure_interval(value: str) -> GetRiskExposureInterval:
    if value in GET_RISK_EXPOSURE_INTERVAL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_RISK_EXPOSURE_INTERVAL_VALUES!r}")
