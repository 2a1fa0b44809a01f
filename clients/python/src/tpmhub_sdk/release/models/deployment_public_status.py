from typing import Literal

DeploymentPublicStatus = Literal["failed", "in_progress", "rolled_back", "succeeded"]

DEPLOYMENT_PUBLIC_STATUS_VALUES: set[DeploymentPublicStatus] = {
    "failed",
    "in_progress",
    "rolled_back",
    "succeeded",
}


def check_deployment_public_status(value: str) -> DeploymentPublicStatus:
    if value in DEPLOYMENT_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DEPLOYMENT_PUBLIC_STATUS_VALUES!r}")
