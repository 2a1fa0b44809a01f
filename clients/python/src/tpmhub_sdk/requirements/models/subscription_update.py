from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.subscription_update_format_type_0 import (
    SubscriptionUpdateFormatType0,
    check_subscription_update_format_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionUpdate")


@_attrs_define
class SubscriptionUpdate:
    """Fields to change (JSON merge patch). Setting `active` to true re-enables a disabled subscription.

    Attributes:
        url (None | str | Unset):
        event_types (list[str] | None | Unset):
        format_ (None | SubscriptionUpdateFormatType0 | Unset):
        robot_secret (None | str | Unset): A new robot signing secret; null removes it (the robot must then not require
            a signature).
        description (None | str | Unset):
        active (bool | None | Unset):
    """

    url: None | str | Unset = UNSET
    event_types: list[str] | None | Unset = UNSET
    format_: None | SubscriptionUpdateFormatType0 | Unset = UNSET
    robot_secret: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    active: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        event_types: list[str] | None | Unset
        if isinstance(self.event_types, Unset):
            event_types = UNSET
        elif isinstance(self.event_types, list):
            event_types = self.event_types

        else:
            event_types = self.event_types

        format_: None | str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        elif isinstance(self.format_, str):
            format_ = self.format_
        else:
            format_ = self.format_

        robot_secret: None | str | Unset
        if isinstance(self.robot_secret, Unset):
            robot_secret = UNSET
        else:
            robot_secret = self.robot_secret

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if format_ is not UNSET:
            field_dict["format"] = format_
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

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_event_types(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                event_types_type_0 = cast(list[str], data)

                return event_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        event_types = _parse_event_types(d.pop("event_types", UNSET))

        def _parse_format_(data: object) -> None | SubscriptionUpdateFormatType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                format_type_0 = check_subscription_update_format_type_0(data)

                return format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionUpdateFormatType0 | Unset, data)

        format_ = _parse_format_(d.pop("format", UNSET))

        def _parse_robot_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        robot_secret = _parse_robot_secret(d.pop("robot_secret", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        subscription_update = cls(
            url=url,
            event_types=event_types,
            format_=format_,
            robot_secret=robot_secret,
            description=description,
            active=active,
        )

        return subscription_update
