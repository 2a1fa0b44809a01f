from typing import Literal

SendToRiskCategory = Literal[
    "compliance",
    "dependency",
    "external",
    "financial_loss",
    "requirement_change",
    "resource",
    "schedule",
    "security",
    "stability",
    "technical",
]

SEND_TO_RISK_CATEGORY_VALUES: set[SendToRiskCategory] = {
    "compliance",
    "dependency",
    "external",
    "financial_loss",
    "requirement_change",
    "resource",
    "schedule",
    "security",
    "stability",
    "technical",
}


def check_send_to_risk_category(value: str) -> SendToRiskCategory:
    if value in SEND_TO_RISK_CATEGORY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEND_TO_RISK_CATEGORY_VALUES!r}")
