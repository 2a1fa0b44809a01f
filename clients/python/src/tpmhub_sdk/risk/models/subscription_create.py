from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.subscription_create_format import SubscriptionCreateFormat, check_subscription_create_format
from ..models.subscription_create_signature_scheme import (
    SubscriptionCreateSignatureScheme,
    check_subscription_create_signature_scheme,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionCreate")


@_attrs_define
class SubscriptionCreate:
    """A new outbound webhook. Deliveries are signed per Standard Webhooks with the secret returned once.

    Attributes:
        url (str): http(s) URL; loopback/private targets are refused unless the deployment allows them.
        event_types (list[str]): Event types to send; globs such as `rollout.*` or `*`.
        project_key (None | str | Unset): Only events of this project; null for every project (admins only).
        format_ (SubscriptionCreateFormat | Unset): `cloudevents` (the envelope as JSON), or a chat message: `slack`,
            `dingtalk` (markdown), `feishu` (text), `feishu_card` (interactive card). Default: 'cloudevents'.
        signature_scheme (SubscriptionCreateSignatureScheme | Unset): Standard Webhooks signature: `v1` (HMAC-SHA256
            with the `whsec_…` secret returned once) or `v1a` (ed25519: the service keeps the private key and returns the
            public key `whpk_…` to verify with). Fixed for the subscription's life. Default: 'v1'.
        robot_secret (None | str | Unset): `dingtalk`, `feishu` and `feishu_card` only: the robot's signing secret (加签),
            for robots whose security setting requires a signature. Never shown again.
        description (str | Unset):  Default: ''.
        active (bool | Unset):  Default: True.
    """

    url: str
    event_types: list[str]
    project_key: None | str | Unset = UNSET
    format_: SubscriptionCreateFormat | Unset = "cloudevents"
    signature_scheme: SubscriptionCreateSignatureScheme | Unset = "v1"
    robot_secret: None | str | Unset = UNSET
    description: str | Unset = ""
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        event_types = self.event_types

        project_key: None | str | Unset
        if isinstance(self.project_key, Unset):
            project_key = UNSET
        else:
            project_key = self.project_key

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_

        signature_scheme: str | Unset = UNSET
        if not isinstance(self.signature_scheme, Unset):
            signature_scheme = self.signature_scheme

        robot_secret: None | str | Unset
        if isinstance(self.robot_secret, Unset):
            robot_secret = UNSET
        else:
            robot_secret = self.robot_secret

        description = self.description

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "event_types": event_types,
            }
        )
        if project_key is not UNSET:
            field_dict["project_key"] = project_key
        if format_ is not UNSET:
            field_dict["format"] = format_
        if signature_scheme is not UNSET:
            field_dict["signature_scheme"] = signature_scheme
        if robot_secret is not UNSET:
            field_dict["robot_secret"] = robot_secret
        if description is not UNSET:
            field_dict["description"] = description
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        event_types = cast(list[str], d.pop("event_types"))

        def _parse_project_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_key = _parse_project_key(d.pop("project_key", UNSET))

        _format_ = d.pop("format", UNSET)
        format_: SubscriptionCreateFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = check_subscription_create_format(_format_)

        _signature_scheme = d.pop("signature_scheme", UNSET)
        signature_scheme: SubscriptionCreateSignatureScheme | Unset
        if isinstance(_signature_scheme, Unset):
            signature_scheme = UNSET
        else:
            signature_scheme = check_subscription_create_signature_scheme(_signature_scheme)

        def _parse_robot_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        robot_secret = _parse_robot_secret(d.pop("robot_secret", UNSET))

        description = d.pop("description", UNSET)

        active = d.pop("active", UNSET)

        subscription_create = cls(
            url=url,
            event_types=event_types,
            project_key=project_key,
            format_=format_,
            signature_scheme=signature_scheme,
            robot_secret=robot_secret,
            description=description,
            active=active,
        )

        return subscription_create
