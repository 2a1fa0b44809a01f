from typing import Literal

SubscriptionUpdateFormatType0 = Literal["cloudevents", "dingtalk", "feishu", "feishu_card", "slack"]

SUBSCRIPTION_UPDATE_FORMAT_TYPE_0_VALUES: set[SubscriptionUpdateFormatType0] = {
    "cloudevents",
    "dingtalk",
    "feishu",
    "feishu_card",
    "slack",
}


def check_subscription_update_format_type_0(value: str) -> SubscriptionUpdateFormatType0:
    if value in SUBSCRIPTION_UPDATE_FORMAT_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_UPDATE_FORMAT_TYPE_0_VALUES!r}"
    )
