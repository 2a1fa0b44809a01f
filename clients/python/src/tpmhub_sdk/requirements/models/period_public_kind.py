from typing import Literal

PeriodPublicKind = Literal["day", "week"]

PERIOD_PUBLIC_KIND_VALUES: set[PeriodPublicKind] = {
    "day",
    "week",
}


def check_period_public_kind(value: str) -> PeriodPublicKind:
    if value in PERIOD_PUBLIC_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PERIOD_PUBLIC_KIND_VALUES!r}")
