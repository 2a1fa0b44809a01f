from typing import Literal

HealthOverrideCreateStatus = Literal["at_risk", "off_track", "on_track"]

HEALTH_OVERRIDE_CREATE_STATUS_VALUES: set[HealthOverrideCreateStatus] = {
    "at_risk",
    "off_track",
    "on_track",
}


def check_health_override_create_status(value: str) -> HealthOverrideCreateStatus:
    if value in HEALTH_OVERRIDE_CREATE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HEALTH_OVERRIDE_CREATE_STATUS_VALUES!r}")
