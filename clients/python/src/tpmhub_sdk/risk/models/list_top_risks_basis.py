from typing import Literal

ListTopRisksBasis = Literal["inherent", "residual"]

LIST_TOP_RISKS_BASIS_VALUES: set[ListTopRisksBasis] = {
    "inherent",
    "residual",
}


def check_list_top_risks_basis(value: str) -> ListTopRisksBasis:
    if value in LIST_TOP_RISKS_BASIS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_TOP_RISKS_BASIS_VALUES!r}")
