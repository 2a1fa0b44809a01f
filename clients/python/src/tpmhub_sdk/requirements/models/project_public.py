from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_public_status import ProjectPublicStatus, check_project_public_status

T = TypeVar("T", bound="ProjectPublic")


@_attrs_define
class ProjectPublic:
    """A project as the API returns it.

    Attributes:
        id (UUID):
        key (str):
        name (str):
        background (str):
        goals (list[str]):
        scope (str):
        owner (None | str):
        status (ProjectPublicStatus):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    key: str
    name: str
    background: str
    goals: list[str]
    scope: str
    owner: None | str
    status: ProjectPublicStatus
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        name = self.name

        background = self.background

        goals = self.goals

        scope = self.scope

        owner: None | str
        owner = self.owner

        status: str = self.status

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "name": name,
                "background": background,
                "goals": goals,
                "scope": scope,
                "owner": owner,
                "status": status,
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

        key = d.pop("key")

        name = d.pop("name")

        background = d.pop("background")

        goals = cast(list[str], d.pop("goals"))

        scope = d.pop("scope")

        def _parse_owner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner = _parse_owner(d.pop("owner"))

        status = check_project_public_status(d.pop("status"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        project_public = cls(
            id=id,
            key=key,
            name=name,
            background=background,
            goals=goals,
            scope=scope,
            owner=owner,
            status=status,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        project_public.additional_properties = d
        return project_public

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
