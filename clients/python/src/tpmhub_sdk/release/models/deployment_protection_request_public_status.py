from typing import Literal

DeploymentProtectionRequestPublicStatus = Literal["approved", "pending", "rejected"]

DEPLOYMENT_PROTECTION_REQUEST_PUBLIC_STATUS_VALUES: set[DeploymentProtectionRequestPublicStatus] = {
    "approved",
    "pending",
    "rejected",
}


def check_deployment_protection_request_public_status(value: str) -> DeploymentProtectionRequestPublicStatus:
    if value in DEPLOYMENT_PROTECTION_REQUEST_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DEPLOYMENT_PROTECTION_REQUEST_PUBLIC_STATUS_VALUES!r}"
    )
