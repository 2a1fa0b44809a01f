from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SlackUserPublic")


@_attrs_define
class SlackUserPublic:
    """
    Attributes:
        id (UUID):
        project_key (str):
        slack_user_id (str):
        sub (str):
        role (str):
        updated_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
    """

    id: UUID
    project_key: str
    slack_user_id: str
    sub: str
    role: str
    updated_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_key = self.project_key

        slack_user_id = self.slack_user_id

        sub = self.sub

        role = self.role

        updated_by = self.updated_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_key": project_key,
                "slack_user_id": slack_user_id,
                "sub": sub,
                "role": role,
                "updated_by": updated_by,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_key = d.pop("project_key")

        slack_user_id = d.pop("slack_user_id")

        sub = d.pop("sub")

        role = d.pop("role")

        updated_by = d.pop("updated_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        slack_user_public = cls(
            id=id,
            project_key=project_key,
            slack_user_id=slack_user_id,
            sub=sub,
            role=role,
            updated_by=updated_by,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        slack_user_public.additional_properties = d
        return slack_user_public

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
