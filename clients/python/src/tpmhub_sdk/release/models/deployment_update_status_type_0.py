from typing import Literal

DeploymentUpdateStatusType0 = Literal["failed", "in_progress", "rolled_back", "succeeded"]

DEPLOYMENT_UPDATE_STATUS_TYPE_0_VALUES: set[DeploymentUpdateStatusType0] = {
    "failed",
    "in_progress",
    "rolled_back",
    "succeeded",
}


def check_deployment_update_status_type_0(value: str) -> DeploymentUpdateStatusType0:
    if value in DEPLOYMENT_UPDATE_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DEPLOYMENT_UPDATE_STATUS_TYPE_0_VALUES!r}")
