from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionWithSecret")


@_attrs_define
class SubscriptionWithSecret:
    """The subscription with its signing secret: returned only when it is created or the secret rotated.

    Attributes:
        id (UUID):
        url (str):
        description (str):
        event_types (list[str]):
        project_key (None | str):
        format_ (str):
        signature_scheme (str): `v1` (HMAC-SHA256) or `v1a` (ed25519)
        active (bool):
        consecutive_failures (int):
        created_by (str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        secret (None | str): For `v1`: the Standard Webhooks signing secret; store it now, it is not shown again. Null
            for `v1a`, whose private key never leaves the service (verify with `public_key`).
        public_key (None | str | Unset): For `v1a`: the ed25519 public key (`whpk_` + base64 of the 32 raw bytes) that
            verifies the `v1a,…` signatures; null for `v1`.
        robot_signing (bool | Unset): A chat robot signing secret is set (the secret itself is never shown). Default:
            False.
        disabled_reason (None | str | Unset):
        disabled_at (datetime.datetime | None | Unset):
    """

    id: UUID
    url: str
    description: str
    event_types: list[str]
    project_key: None | str
    format_: str
    signature_scheme: str
    active: bool
    consecutive_failures: int
    created_by: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    secret: None | str
    public_key: None | str | Unset = UNSET
    robot_signing: bool | Unset = False
    disabled_reason: None | str | Unset = UNSET
    disabled_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        url = self.url

        description = self.description

        event_types = self.event_types

        project_key: None | str
        project_key = self.project_key

        format_ = self.format_

        signature_scheme = self.signature_scheme

        active = self.active

        consecutive_failures = self.consecutive_failures

        created_by = self.created_by

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        secret: None | str
        secret = self.secret

        public_key: None | str | Unset
        if isinstance(self.public_key, Unset):
            public_key = UNSET
        else:
            public_key = self.public_key

        robot_signing = self.robot_signing

        disabled_reason: None | str | Unset
        if isinstance(self.disabled_reason, Unset):
            disabled_reason = UNSET
        else:
            disabled_reason = self.disabled_reason

        disabled_at: None | str | Unset
        if isinstance(self.disabled_at, Unset):
            disabled_at = UNSET
        elif isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "description": description,
                "event_types": event_types,
                "project_key": project_key,
                "format": format_,
                "signature_scheme": signature_scheme,
                "active": active,
                "consecutive_failures": consecutive_failures,
                "created_by": created_by,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "secret": secret,
            }
        )
        if public_key is not UNSET:
            field_dict["public_key"] = public_key
        if robot_signing is not UNSET:
            field_dict["robot_signing"] = robot_signing
        if disabled_reason is not UNSET:
            field_dict["disabled_reason"] = disabled_reason
        if disabled_at is not UNSET:
            field_dict["disabled_at"] = disabled_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        url = d.pop("url")

        description = d.pop("description")

        event_types = cast(list[str], d.pop("event_types"))

        def _parse_project_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        project_key = _parse_project_key(d.pop("project_key"))

        format_ = d.pop("format")

        signature_scheme = d.pop("signature_scheme")

        active = d.pop("active")

        consecutive_failures = d.pop("consecutive_failures")

        created_by = d.pop("created_by")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_secret(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        secret = _parse_secret(d.pop("secret"))

        def _parse_public_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        public_key = _parse_public_key(d.pop("public_key", UNSET))

        robot_signing = d.pop("robot_signing", UNSET)

        def _parse_disabled_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason", UNSET))

        def _parse_disabled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at", UNSET))

        subscription_with_secret = cls(
            id=id,
            url=url,
            description=description,
            event_types=event_types,
            project_key=project_key,
            format_=format_,
            signature_scheme=signature_scheme,
            active=active,
            consecutive_failures=consecutive_failures,
            created_by=created_by,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            secret=secret,
            public_key=public_key,
            robot_signing=robot_signing,
            disabled_reason=disabled_reason,
            disabled_at=disabled_at,
        )

        subscription_with_secret.additional_properties = d
        return subscription_with_secret

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
