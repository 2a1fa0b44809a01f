from typing import Literal

ListIterationsStatusType0 = Literal["active", "closed", "planned"]

LIST_ITERATIONS_STATUS_TYPE_0_VALUES: set[ListIterationsStatusType0] = {
    "active",
    "closed",
    "planned",
}


def check_list_iterations_status_type_0(value: str) -> ListIterationsStatusType0:
    if value in LIST_ITERATIONS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ITERATIONS_STATUS_TYPE_0_VALUES!r}")
