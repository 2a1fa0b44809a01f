from typing import Literal

RiskPublicKind = Literal["opportunity", "threat"]

RISK_PUBLIC_KIND_VALUES: set[RiskPublicKind] = {
    "opportunity",
    "threat",
}


def check_risk_public_kind(value: str) -> RiskPublicKind:
    if value in RISK_PUBLIC_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RISK_PUBLIC_KIND_VALUES!r}")
