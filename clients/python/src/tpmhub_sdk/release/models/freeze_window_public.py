from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FreezeWindowPublic")


@_attrs_define
class FreezeWindowPublic:
    """
    Attributes:
        id (UUID):
        project_key (str):
        name (str):
        reason (str):
        starts_at (datetime.datetime):
        ends_at (datetime.datetime):
        environments (list[str]):
        created_by (str):
        created_at (datetime.datetime):
    """

    id: UUID
    project_key: str
    name: str
    reason: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    environments: list[str]
    created_by: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_key = self.project_key

        name = self.name

        reason = self.reason

        starts_at = self.starts_at.isoformat()

        ends_at = self.ends_at.isoformat()

        environments = self.environments

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_key": project_key,
                "name": name,
                "reason": reason,
                "starts_at": starts_at,
                "ends_at": ends_at,
                "environments": environments,
                "created_by": created_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_key = d.pop("project_key")

        name = d.pop("name")

        reason = d.pop("reason")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        environments = cast(list[str], d.pop("environments"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        freeze_window_public = cls(
            id=id,
            project_key=project_key,
            name=name,
            reason=reason,
            starts_at=starts_at,
            ends_at=ends_at,
            environments=environments,
            created_by=created_by,
            created_at=created_at,
        )

        freeze_window_public.additional_properties = d
        return freeze_window_public

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
