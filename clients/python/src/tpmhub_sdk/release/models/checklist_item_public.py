from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.checklist_item_public_status import (
    ChecklistItemPublicStatus,
    check_checklist_item_public_status,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChecklistItemPublic")


@_attrs_define
class ChecklistItemPublic:
    """One go/no-go checklist item.

    Attributes:
        id (UUID):
        release_id (UUID):
        position (int):
        code (None | str):
        title (str):
        owner (None | str):
        status (ChecklistItemPublicStatus):
        evidence_url (None | str):
        note (str):
        version (int):
        done_by (None | str | Unset): Who ticked the item (while it is done).
        done_at (datetime.datetime | None | Unset): When it was ticked (while it is done).
    """

    id: UUID
    release_id: UUID
    position: int
    code: None | str
    title: str
    owner: None | str
    status: ChecklistItemPublicStatus
    evidence_url: None | str
    note: str
    version: int
    done_by: None | str | Unset = UNSET
    done_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        release_id = str(self.release_id)

        position = self.position

        code: None | str
        code = self.code

        title = self.title

        owner: None | str
        owner = self.owner

        status: str = self.status

        evidence_url: None | str
        evidence_url = self.evidence_url

        note = self.note

        version = self.version

        done_by: None | str | Unset
        if isinstance(self.done_by, Unset):
            done_by = UNSET
        else:
            done_by = self.done_by

        done_at: None | str | Unset
        if isinstance(self.done_at, Unset):
            done_at = UNSET
        elif isinstance(self.done_at, datetime.datetime):
            done_at = self.done_at.isoformat()
        else:
            done_at = self.done_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "release_id": release_id,
                "position": position,
                "code": code,
                "title": title,
                "owner": owner,
                "status": status,
                "evidence_url": evidence_url,
                "note": note,
                "version": version,
            }
        )
        if done_by is not UNSET:
            field_dict["done_by"] = done_by
        if done_at is not UNSET:
            field_dict["done_at"] = done_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        release_id = UUID(d.pop("release_id"))

        position = d.pop("position")

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))

        title = d.pop("title")

        def _parse_owner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner = _parse_owner(d.pop("owner"))

        status = check_checklist_item_public_status(d.pop("status"))

        def _parse_evidence_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        evidence_url = _parse_evidence_url(d.pop("evidence_url"))

        note = d.pop("note")

        version = d.pop("version")

        def _parse_done_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        done_by = _parse_done_by(d.pop("done_by", UNSET))

        def _parse_done_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_at_type_0 = datetime.datetime.fromisoformat(data)

                return done_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        done_at = _parse_done_at(d.pop("done_at", UNSET))

        checklist_item_public = cls(
            id=id,
            release_id=release_id,
            position=position,
            code=code,
            title=title,
            owner=owner,
            status=status,
            evidence_url=evidence_url,
            note=note,
            version=version,
            done_by=done_by,
            done_at=done_at,
        )

        checklist_item_public.additional_properties = d
        return checklist_item_public

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
