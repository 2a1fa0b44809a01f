from typing import Literal

ListRisksKindType0 = Literal["opportunity", "threat"]

LIST_RISKS_KIND_TYPE_0_VALUES: set[ListRisksKindType0] = {
    "opportunity",
    "threat",
}


def check_list_risks_kind_type_0(value: str) -> ListRisksKindType0:
    if value in LIST_RISKS_KIND_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_RISKS_KIND_TYPE_0_VALUES!r}")
