from typing import Literal

HealthPublicStatus = Literal["at_risk", "off_track", "on_track"]

HEALTH_PUBLIC_STATUS_VALUES: set[HealthPublicStatus] = {
    "at_risk",
    "off_track",
    "on_track",
}


def check_health_public_status(value: str) -> HealthPublicStatus:
    if value in HEALTH_PUBLIC_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HEALTH_PUBLIC_STATUS_VALUES!r}")
