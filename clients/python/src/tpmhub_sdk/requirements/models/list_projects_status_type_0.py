from typing import Literal

ListProjectsStatusType0 = Literal["active", "archived"]

LIST_PROJECTS_STATUS_TYPE_0_VALUES: set[ListProjectsStatusType0] = {
    "active",
    "archived",
}


def check_list_projects_status_type_0(value: str) -> ListProjectsStatusType0:
    if value in LIST_PROJECTS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_PROJECTS_STATUS_TYPE_0_VALUES!r}")
