"""The old import path of the subscription message formats (now tpmhub_shared.events.subscriptions.formats),
kept until every importer uses the new one; nothing in this package imports it."""

from tpmhub_shared.events.subscriptions.formats import dingtalk_sign, feishu_sign, render, robot_signed

__all__ = ["dingtalk_sign", "feishu_sign", "render", "robot_signed"]
