from typing import Literal

RiskCreateCategory = Literal[
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

RISK_CREATE_CATEGORY_VALUES: set[RiskCreateCategory] = {
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


def check_risk_create_category(value: str) -> RiskCreateCategory:
    if value in RISK_CREATE_CATEGORY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RISK_CREATE_CATEGORY_VALUES!r}")
