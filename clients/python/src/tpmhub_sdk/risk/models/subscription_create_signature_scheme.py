from typing import Literal

SubscriptionCreateSignatureScheme = Literal["v1", "v1a"]

SUBSCRIPTION_CREATE_SIGNATURE_SCHEME_VALUES: set[SubscriptionCreateSignatureScheme] = {
    "v1",
    "v1a",
}


def check_subscription_create_signature_scheme(value: str) -> SubscriptionCreateSignatureScheme:
    if value in SUBSCRIPTION_CREATE_SIGNATURE_SCHEME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_CREATE_SIGNATURE_SCHEME_VALUES!r}"
    )
