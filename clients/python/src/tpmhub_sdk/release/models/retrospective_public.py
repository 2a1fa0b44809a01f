from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.action_item_public import ActionItemPublic
    from ..models.facts import Facts


T = TypeVar("T", bound="RetrospectivePublic")


@_attrs_define
class RetrospectivePublic:
    """A release retrospective: `facts` drafted from the audit trail, the rest written by people.

    Attributes:
        id (UUID):
        release_id (UUID):
        project_key (str):
        facts (Facts): planned vs actual dates, timeline, approval latency, gate denials, guardrail trips, pauses and
            rollbacks.
        summary (str):
        went_well (list[str]):
        went_badly (list[str]):
        action_items (list[ActionItemPublic]):
        created_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
    """

    id: UUID
    release_id: UUID
    project_key: str
    facts: Facts
    summary: str
    went_well: list[str]
    went_badly: list[str]
    action_items: list[ActionItemPublic]
    created_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        release_id = str(self.release_id)

        project_key = self.project_key

        facts = self.facts.to_dict()

        summary = self.summary

        went_well = self.went_well

        went_badly = self.went_badly

        action_items = []
        for action_items_item_data in self.action_items:
            action_items_item = action_items_item_data.to_dict()
            action_items.append(action_items_item)

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "release_id": release_id,
                "project_key": project_key,
                "facts": facts,
                "summary": summary,
                "went_well": went_well,
                "went_badly": went_badly,
                "action_items": action_items,
                "created_by": created_by,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_item_public import ActionItemPublic  # noqa: PLC0415
        from ..models.facts import Facts  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        release_id = UUID(d.pop("release_id"))

        project_key = d.pop("project_key")

        facts = Facts.from_dict(d.pop("facts"))

        summary = d.pop("summary")

        went_well = cast(list[str], d.pop("went_well"))

        went_badly = cast(list[str], d.pop("went_badly"))

        action_items = []
        _action_items = d.pop("action_items")
        for action_items_item_data in _action_items:
            action_items_item = ActionItemPublic.from_dict(action_items_item_data)

            action_items.append(action_items_item)

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        retrospective_public = cls(
            id=id,
            release_id=release_id,
            project_key=project_key,
            facts=facts,
            summary=summary,
            went_well=went_well,
            went_badly=went_badly,
            action_items=action_items,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        retrospective_public.additional_properties = d
        return retrospective_public

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
