from typing import Literal

RiskPublicStatus = Literal["assessed", "closed", "identified", "mitigating", "monitoring", "occurred"]

RISK_PUBLIC_STATUS_VALUES: set[RiskPublicStatus] = {
    "assessed",
    "closed",
    "identified",
    "mitigating",
    "monitoring",
    "occurred",
}


def check_risk_public_status(value: str) -> RiskPublicStatus:
    if value in RISK_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RISK_PUBLIC_STATUS_VALUES!r}")
