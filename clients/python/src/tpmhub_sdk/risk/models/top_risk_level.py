from typing import Literal

TopRiskLevel = Literal["critical", "high", "low", "medium"]

TOP_RISK_LEVEL_VALUES: set[TopRiskLevel] = {
    "critical",
    "high",
    "low",
    "medium",
}


def check_top_risk_level(value: str) -> TopRiskLevel:
    if value in TOP_RISK_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOP_RISK_LEVEL_VALUES!r}")
