from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_public_status import ActionPublicStatus, check_action_public_status

T = TypeVar("T", bound="ActionPublic")


@_attrs_define
class ActionPublic:
    """
    Attributes:
        id (UUID):
        risk_key (str):
        project_key (str):
        title (str):
        description (str):
        owner (str):
        due_date (datetime.date):
        status (ActionPublicStatus):
        completed_at (datetime.datetime | None):
        overdue (bool): Not done or cancelled and past its due date.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    risk_key: str
    project_key: str
    title: str
    description: str
    owner: str
    due_date: datetime.date
    status: ActionPublicStatus
    completed_at: datetime.datetime | None
    overdue: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        risk_key = self.risk_key

        project_key = self.project_key

        title = self.title

        description = self.description

        owner = self.owner

        due_date = self.due_date.isoformat()

        status: str = self.status

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        overdue = self.overdue

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "risk_key": risk_key,
                "project_key": project_key,
                "title": title,
                "description": description,
                "owner": owner,
                "due_date": due_date,
                "status": status,
                "completed_at": completed_at,
                "overdue": overdue,
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

        risk_key = d.pop("risk_key")

        project_key = d.pop("project_key")

        title = d.pop("title")

        description = d.pop("description")

        owner = d.pop("owner")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        status = check_action_public_status(d.pop("status"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        overdue = d.pop("overdue")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        action_public = cls(
            id=id,
            risk_key=risk_key,
            project_key=project_key,
            title=title,
            description=description,
            owner=owner,
            due_date=due_date,
            status=status,
            completed_at=completed_at,
            overdue=overdue,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        action_public.additional_properties = d
        return action_public

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
