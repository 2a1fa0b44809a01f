from typing import Literal

ListDeploymentProtectionRequestsStatusType0 = Literal["approved", "pending", "rejected"]

LIST_DEPLOYMENT_PROTECTION_REQUESTS_STATUS_TYPE_0_VALUES: set[ListDeploymentProtectionRequestsStatusType0] = {
    "approved",
    "pending",
    "rejected",
}


def check_list_deployment_protection_requests_status_type_0(
    value: str,
) -> ListDeploymentProtectionRequestsStatusType0:
    if value in LIST_DEPLOYMENT_PROTECTION_REQUESTS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_DEPLOYMENT_PROTECTION_REQUESTS_STATUS_TYPE_0_VALUES!r}"
    )
