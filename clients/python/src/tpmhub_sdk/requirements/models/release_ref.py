from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReleaseRef")


@_attrs_define
class ReleaseRef:
    """A release that shipped the item (learned from `release.released`).

    Attributes:
        release_id (UUID):
        version (str):
        released_at (datetime.datetime):
    """

    release_id: UUID
    version: str
    released_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        release_id = str(self.release_id)

        version = self.version

        released_at = self.released_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "release_id": release_id,
                "version": version,
                "released_at": released_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        release_id = UUID(d.pop("release_id"))

        version = d.pop("version")

        released_at = datetime.datetime.fromisoformat(d.pop("released_at"))

        release_ref = cls(
            release_id=release_id,
            version=version,
            released_at=released_at,
        )

        release_ref.additional_properties = d
        return release_ref

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
