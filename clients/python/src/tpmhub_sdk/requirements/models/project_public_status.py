from typing import Literal

ProjectPublicStatus = Literal["active", "archived"]

PROJECT_PUBLIC_STATUS_VALUES: set[ProjectPublicStatus] = {
    "active",
    "archived",
}


def check_project_public_status(value: str) -> ProjectPublicStatus:
    if value in PROJECT_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROJECT_PUBLIC_STATUS_VALUES!r}")
