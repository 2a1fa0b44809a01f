from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.criterion_public_status import CriterionPublicStatus, check_criterion_public_status

T = TypeVar("T", bound="CriterionPublic")


@_attrs_define
class CriterionPublic:
    """An acceptance criterion of an item.

    Attributes:
        id (UUID):
        item_key (str):
        position (int):
        text (str):
        status (CriterionPublicStatus):
        verified_by (None | str):
        evidence_url (None | str):
        verified_at (datetime.datetime | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    item_key: str
    position: int
    text: str
    status: CriterionPublicStatus
    verified_by: None | str
    evidence_url: None | str
    verified_at: datetime.datetime | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        item_key = self.item_key

        position = self.position

        text = self.text

        status: str = self.status

        verified_by: None | str
        verified_by = self.verified_by

        evidence_url: None | str
        evidence_url = self.evidence_url

        verified_at: None | str
        if isinstance(self.verified_at, datetime.datetime):
            verified_at = self.verified_at.isoformat()
        else:
            verified_at = self.verified_at

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "item_key": item_key,
                "position": position,
                "text": text,
                "status": status,
                "verified_by": verified_by,
                "evidence_url": evidence_url,
                "verified_at": verified_at,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        item_key = d.pop("item_key")

        position = d.pop("position")

        text = d.pop("text")

        status = check_criterion_public_status(d.pop("status"))

        def _parse_verified_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        verified_by = _parse_verified_by(d.pop("verified_by"))

        def _parse_evidence_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        evidence_url = _parse_evidence_url(d.pop("evidence_url"))

        def _parse_verified_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verified_at_type_0 = datetime.datetime.fromisoformat(data)

                return verified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        verified_at = _parse_verified_at(d.pop("verified_at"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        criterion_public = cls(
            id=id,
            item_key=item_key,
            position=position,
            text=text,
            status=status,
            verified_by=verified_by,
            evidence_url=evidence_url,
            verified_at=verified_at,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        criterion_public.additional_properties = d
        return criterion_public

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
