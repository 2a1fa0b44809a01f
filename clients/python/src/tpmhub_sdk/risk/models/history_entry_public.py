from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_change import FieldChange


T = TypeVar("T", bound="HistoryEntryPublic")


@_attrs_define
class HistoryEntryPublic:
    """One recorded change of a resource.

    Attributes:
        id (UUID):
        resource_type (str):
        resource_id (str):
        action (str):
        actor (str):
        at (datetime.datetime):
        changes (list[FieldChange]):
        actor_name (str | Unset):  Default: ''.
        note (None | str | Unset):
    """

    id: UUID
    resource_type: str
    resource_id: str
    action: str
    actor: str
    at: datetime.datetime
    changes: list[FieldChange]
    actor_name: str | Unset = ""
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        resource_type = self.resource_type

        resource_id = self.resource_id

        action = self.action

        actor = self.actor

        at = self.at.isoformat()

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        actor_name = self.actor_name

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "resource_type": resource_type,
                "resource_id": resource_id,
                "action": action,
                "actor": actor,
                "at": at,
                "changes": changes,
            }
        )
        if actor_name is not UNSET:
            field_dict["actor_name"] = actor_name
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_change import FieldChange  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        resource_type = d.pop("resource_type")

        resource_id = d.pop("resource_id")

        action = d.pop("action")

        actor = d.pop("actor")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = FieldChange.from_dict(changes_item_data)

            changes.append(changes_item)

        actor_name = d.pop("actor_name", UNSET)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        history_entry_public = cls(
            id=id,
            resource_type=resource_type,
            resource_id=resource_id,
            action=action,
            actor=actor,
            at=at,
            changes=changes,
            actor_name=actor_name,
            note=note,
        )

        history_entry_public.additional_properties = d
        return history_entry_public

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
