from typing import Literal

ImpactUnknownPart = Literal["releases", "risks"]

IMPACT_UNKNOWN_PART_VALUES: set[ImpactUnknownPart] = {
    "releases",
    "risks",
}


def check_impact_unknown_part(value: str) -> ImpactUnknownPart:
    if value in IMPACT_UNKNOWN_PART_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMPACT_UNKNOWN_PART_VALUES!r}")
