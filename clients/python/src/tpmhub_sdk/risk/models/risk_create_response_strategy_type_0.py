from typing import Literal

RiskCreateResponseStrategyType0 = Literal[
    "accept", "avoid", "enhance", "escalate", "exploit", "mitigate", "share", "transfer"
]

RISK_CREATE_RESPONSE_STRATEGY_TYPE_0_VALUES: set[RiskCreateResponseStrategyType0] = {
    "accept",
    "avoid",
    "enhance",
    "escalate",
    "exploit",
    "mitigate",
    "share",
    "transfer",
}


def check_risk_create_response_strategy_type_0(value: str) -> RiskCreateResponseStrategyType0:
    if value in RISK_CREATE_RESPONSE_STRATEGY_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RISK_CREATE_RESPONSE_STRATEGY_TYPE_0_VALUES!r}"
    )
