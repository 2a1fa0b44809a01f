from typing import Literal

RiskPublicResponseStrategyType0 = Literal[
    "accept", "avoid", "enhance", "escalate", "exploit", "mitigate", "share", "transfer"
]

RISK_PUBLIC_RESPONSE_STRATEGY_TYPE_0_VALUES: set[RiskPublicResponseStrategyType0] = {
    "accept",
    "avoid",
    "enhance",
    "escalate",
    "exploit",
    "mitigate",
    "share",
    "transfer",
}


def check_risk_public_response_strategy_type_0(value: str) -> RiskPublicResponseStrategyType0:
    if value in RISK_PUBLIC_RESPONSE_STRATEGY_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RISK_PUBLIC_RESPONSE_STRATEGY_TYPE_0_VALUES!r}"
    )
