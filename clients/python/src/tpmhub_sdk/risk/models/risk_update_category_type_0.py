from typing import Literal

RiskUpdateCategoryType0 = Literal[
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

RISK_UPDATE_CATEGORY_TYPE_0_VALUES: set[RiskUpdateCategoryType0] = {
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


def check_risk_update_category_type_0(value: str) -> RiskUpdateCategoryType0:
    if value in RISK_UPDATE_CATEGORY_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RISK_UPDATE_CATEGORY_TYPE_0_VALUES!r}")
