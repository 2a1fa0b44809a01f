from typing import Literal

RiskUpdateResponseStrategyType0 = Literal[
    "accept", "avoid", "enhance", "escalate", "exploit", "mitigate", "share", "transfer"
]

RISK_UPDATE_RESPONSE_STRATEGY_TYPE_0_VALUES: set[RiskUpdateResponseStrategyType0] = {
    "accept",
    "avoid",
    "enhance",
    "escalate",
    "exploit",
    "mitigate",
    "share",
    "transfer",
}


def check_risk_update_response_strategy_type_0(value: str) -> RiskUpdateResponseStrategyType0:
    if value in RISK_UPDATE_RESPONSE_STRATEGY_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RISK_UPDATE_RESPONSE_STRATEGY_TYPE_0_VALUES!r}"
    )
