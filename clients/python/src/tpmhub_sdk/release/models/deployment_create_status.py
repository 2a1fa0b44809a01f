from typing import Literal

DeploymentCreateStatus = Literal["failed", "in_progress", "rolled_back", "succeeded"]

DEPLOYMENT_CREATE_STATUS_VALUES: set[DeploymentCreateStatus] = {
    "failed",
    "in_progress",
    "rolled_back",
    "succeeded",
}


def check_deployment_create_status(value: str) -> DeploymentCreateStatus:
    if value in DEPLOYMENT_CREATE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DEPLOYMENT_CREATE_STATUS_VALUES!r}")
