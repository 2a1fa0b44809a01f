from typing import Literal

RiskPublicLevel = Literal["critical", "high", "low", "medium"]

RISK_PUBLIC_LEVEL_VALUES: set[RiskPublicLevel] = {
    "critical",
    "high",
    "low",
    "medium",
}


def check_risk_public_level(value: str) -> RiskPublicLevel:
    if value in RISK_PUBLIC_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RISK_PUBLIC_LEVEL_VALUES!r}")
