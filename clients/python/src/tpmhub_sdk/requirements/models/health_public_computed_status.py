from typing import Literal

HealthPublicComputedStatus = Literal["at_risk", "off_track", "on_track"]

HEALTH_PUBLIC_COMPUTED_STATUS_VALUES: set[HealthPublicComputedStatus] = {
    "at_risk",
    "off_track",
    "on_track",
}


def check_health_public_computed_status(value: str) -> HealthPublicComputedStatus:
    if value in HEALTH_PUBLIC_COMPUTED_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HEALTH_PUBLIC_COMPUTED_STATUS_VALUES!r}")
