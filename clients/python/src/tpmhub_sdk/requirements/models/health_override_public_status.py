from typing import Literal

HealthOverridePublicStatus = Literal["at_risk", "off_track", "on_track"]

HEALTH_OVERRIDE_PUBLIC_STATUS_VALUES: set[HealthOverridePublicStatus] = {
    "at_risk",
    "off_track",
    "on_track",
}


def check_health_override_public_status(value: str) -> HealthOverridePublicStatus:
    if value in HEALTH_OVERRIDE_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HEALTH_OVERRIDE_PUBLIC_STATUS_VALUES!r}")
