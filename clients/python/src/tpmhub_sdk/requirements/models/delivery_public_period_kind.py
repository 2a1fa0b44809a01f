from typing import Literal

DeliveryPublicPeriodKind = Literal["day", "week"]

DELIVERY_PUBLIC_PERIOD_KIND_VALUES: set[DeliveryPublicPeriodKind] = {
    "day",
    "week",
}


def check_delivery_public_period_kind(value: str) -> DeliveryPublicPeriodKind:
    if value in DELIVERY_PUBLIC_PERIOD_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELIVERY_PUBLIC_PERIOD_KIND_VALUES!r}")
