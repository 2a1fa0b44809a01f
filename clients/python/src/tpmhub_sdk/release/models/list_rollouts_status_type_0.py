from typing import Literal

ListRolloutsStatusType0 = Literal["aborted", "completed", "draft", "paused", "rolled_back", "running"]

LIST_ROLLOUTS_STATUS_TYPE_0_VALUES: set[ListRolloutsStatusType0] = {
    "aborted",
    "completed",
    "draft",
    "paused",
    "rolled_back",
    "running",
}


def check_list_rollouts_status_type_0(value: str) -> ListRolloutsStatusType0:
    if value in LIST_ROLLOUTS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ROLLOUTS_STATUS_TYPE_0_VALUES!r}")
