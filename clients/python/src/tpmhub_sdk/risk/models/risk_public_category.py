from typing import Literal

RiskPublicCategory = Literal[
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

RISK_PUBLIC_CATEGORY_VALUES: set[RiskPublicCategory] = {
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


def check_risk_public_category(value: str) -> RiskPublicCategory:
    if value in RISK_PUBLIC_CATEGORY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RISK_PUBLIC_CATEGORY_VALUES!r}")
