from typing import Literal

SubscriptionCreateFormat = Literal["cloudevents", "dingtalk", "feishu", "feishu_card", "slack"]

SUBSCRIPTION_CREATE_FORMAT_VALUES: set[SubscriptionCreateFormat] = {
    "cloudevents",
    "dingtalk",
    "feishu",
    "feishu_card",
    "slack",
}


def check_subscription_create_format(value: str) -> SubscriptionCreateFormat:
    if value in SUBSCRIPTION_CREATE_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_CREATE_FORMAT_VALUES!r}")
