from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VerificationBrief")


@_attrs_define
class VerificationBrief:
    """
    Attributes:
        release_id (UUID):
        version (str):
        name (str):
        outcome (str):
        at (datetime.datetime):
    """

    release_id: UUID
    version: str
    name: str
    outcome: str
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        release_id = str(self.release_id)

        version = self.version

        name = self.name

        outcome = self.outcome

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "release_id": release_id,
                "version": version,
                "name": name,
                "outcome": outcome,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        release_id = UUID(d.pop("release_id"))

        version = d.pop("version")

        name = d.pop("name")

        outcome = d.pop("outcome")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        verification_brief = cls(
            release_id=release_id,
            version=version,
            name=name,
            outcome=outcome,
            at=at,
        )

        verification_brief.additional_properties = d
        return verification_brief

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
