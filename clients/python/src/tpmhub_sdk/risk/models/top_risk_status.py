from typing import Literal

TopRiskStatus = Literal["assessed", "closed", "identified", "mitigating", "monitoring", "occurred"]

TOP_RISK_STATUS_VALUES: set[TopRiskStatus] = {
    "assessed",
    "closed",
    "identified",
    "mitigating",
    "monitoring",
    "occurred",
}


def check_top_risk_status(value: str) -> TopRiskStatus:
    if value in TOP_RISK_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOP_RISK_STATUS_VALUES!r}")
