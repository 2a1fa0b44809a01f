from typing import Literal

RiskPublicResidualLevelType0 = Literal["critical", "high", "low", "medium"]

RISK_PUBLIC_RESIDUAL_LEVEL_TYPE_0_VALUES: set[RiskPublicResidualLevelType0] = {
    "critical",
    "high",
    "low",
    "medium",
}


def check_risk_public_residual_level_type_0(value: str) -> RiskPublicResidualLevelType0:
    if value in RISK_PUBLIC_RESIDUAL_LEVEL_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RISK_PUBLIC_RESIDUAL_LEVEL_TYPE_0_VALUES!r}"
    )
