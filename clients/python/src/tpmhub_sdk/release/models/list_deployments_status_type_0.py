from typing import Literal

ListDeploymentsStatusType0 = Literal["failed", "in_progress", "rolled_back", "succeeded"]

LIST_DEPLOYMENTS_STATUS_TYPE_0_VALUES: set[ListDeploymentsStatusType0] = {
    "failed",
    "in_progress",
    "rolled_back",
    "succeeded",
}


def check_list_deployments_status_type_0(value: str) -> ListDeploymentsStatusType0:
    if value in LIST_DEPLOYMENTS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_DEPLOYMENTS_STATUS_TYPE_0_VALUES!r}")
