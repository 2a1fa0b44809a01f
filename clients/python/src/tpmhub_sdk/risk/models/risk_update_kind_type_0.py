from typing import Literal

RiskUpdateKindType0 = Literal["opportunity", "threat"]

RISK_UPDATE_KIND_TYPE_0_VALUES: set[RiskUpdateKindType0] = {
    "opportunity",
    "threat",
}


def check_risk_update_kind_type_0(value: str) -> RiskUpdateKindType0:
    if value in RISK_UPDATE_KIND_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RISK_UPDATE_KIND_TYPE_0_VALUES!r}")
