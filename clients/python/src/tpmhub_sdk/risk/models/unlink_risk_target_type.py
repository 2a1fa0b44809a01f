from typing import Literal

UnlinkRiskTargetType = Literal["item", "prd", "release"]

UNLINK_RISK_TARGET_TYPE_VALUES: set[UnlinkRiskTargetType] = {
    "item",
    "prd",
    "release",
}


def check_unlink_risk_target_type(value: str) -> UnlinkRiskTargetType:
    if value in UNLINK_RISK_TARGET_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNLINK_RISK_TARGET_TYPE_VALUES!r}")
