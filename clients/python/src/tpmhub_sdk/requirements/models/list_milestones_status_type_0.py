from typing import Literal

ListMilestonesStatusType0 = Literal["done", "in_progress", "missed", "planned"]

LIST_MILESTONES_STATUS_TYPE_0_VALUES: set[ListMilestonesStatusType0] = {
    "done",
    "in_progress",
    "missed",
    "planned",
}


def check_list_milestones_status_type_0(value: str) -> ListMilestonesStatusType0:
    if value in LIST_MILESTONES_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_MILESTONES_STATUS_TYPE_0_VALUES!r}")
