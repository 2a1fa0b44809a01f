from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.subscription_create_format import SubscriptionCreateFormat, check_subscription_create_format
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
        description (str | Unset):  Default: ''.
        active (bool | Unset):  Default: True.
    """

    url: str
    event_types: list[str]
    project_key: None | str | Unset = UNSET
    format_: SubscriptionCreateFormat | Unset = "cloudevents"
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

        description = d.pop("description", UNSET)

        active = d.pop("active", UNSET)

        subscription_create = cls(
            url=url,
            event_types=event_types,
            project_key=project_key,
            format_=format_,
            description=description,
            active=active,
        )

        return subscription_create
