from typing import Literal

ListRisksCategoryType0 = Literal[
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

LIST_RISKS_CATEGORY_TYPE_0_VALUES: set[ListRisksCategoryType0] = {
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


def check_list_risks_category_type_0(value: str) -> ListRisksCategoryType0:
    if value in LIST_RISKS_CATEGORY_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_RISKS_CATEGORY_TYPE_0_VALUES!r}")
