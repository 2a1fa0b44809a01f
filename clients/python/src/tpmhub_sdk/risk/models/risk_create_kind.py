from typing import Literal

RiskCreateKind = Literal["opportunity", "threat"]

RISK_CREATE_KIND_VALUES: set[RiskCreateKind] = {
    "opportunity",
    "threat",
}


def check_risk_create_kind(value: str) -> RiskCreateKind:
    if value in RISK_CREATE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RISK_CREATE_KIND_VALUES!r}")
