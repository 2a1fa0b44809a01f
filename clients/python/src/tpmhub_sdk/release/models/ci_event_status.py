from typing import Literal

CiEventStatus = Literal["cancelled", "failure", "queued", "running", "success"]

CI_EVENT_STATUS_VALUES: set[CiEventStatus] = {
    "cancelled",
    "failure",
    "queued",
    "running",
    "success",
}


def check_ci_event_status(value: str) -> CiEventStatus:
    if value in CI_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CI_EVENT_STATUS_VALUES!r}")
