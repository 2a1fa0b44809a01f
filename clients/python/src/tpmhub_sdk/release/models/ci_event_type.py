from typing import Literal

CiEventType = Literal["deployment", "pipeline"]

CI_EVENT_TYPE_VALUES: set[CiEventType] = {
    "deployment",
    "pipeline",
}


def check_ci_event_type(value: str) -> CiEventType:
    if value in CI_EVENT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CI_EVENT_TYPE_VALUES!r}")
