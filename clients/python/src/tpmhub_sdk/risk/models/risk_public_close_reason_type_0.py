from typing import Literal

RiskPublicCloseReasonType0 = Literal["accepted", "mitigated", "no_longer_applicable", "occurred_and_handled"]

RISK_PUBLIC_CLOSE_REASON_TYPE_0_VALUES: set[RiskPublicCloseReasonType0] = {
    "accepted",
    "mitigated",
    "no_longer_applicable",
    "occurred_and_handled",
}


def check_risk_public_close_reason_type_0(value: str) -> RiskPublicCloseReasonType0:
    if value in RISK_PUBLIC_CLOSE_REASON_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RISK_PUBLIC_CLOSE_REASON_TYPE_0_VALUES!r}")
