from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.milestone_public_status import MilestonePublicStatus, check_milestone_public_status

if TYPE_CHECKING:
    from ..models.milestone_progress import MilestoneProgress


T = TypeVar("T", bound="MilestonePublic")


@_attrs_define
class MilestonePublic:
    """A milestone with its progress.

    Attributes:
        id (UUID):
        project_key (str):
        name (str):
        description (str):
        target_date (datetime.date):
        status (MilestonePublicStatus):
        progress (MilestoneProgress): Progress from the backlog items linked to the milestone (wont_do items are left
            out).
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    project_key: str
    name: str
    description: str
    target_date: datetime.date
    status: MilestonePublicStatus
    progress: MilestoneProgress
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_key = self.project_key

        name = self.name

        description = self.description

        target_date = self.target_date.isoformat()

        status: str = self.status

        progress = self.progress.to_dict()

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_key": project_key,
                "name": name,
                "description": description,
                "target_date": target_date,
                "status": status,
                "progress": progress,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.milestone_progress import MilestoneProgress  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_key = d.pop("project_key")

        name = d.pop("name")

        description = d.pop("description")

        target_date = datetime.date.fromisoformat(d.pop("target_date"))

        status = check_milestone_public_status(d.pop("status"))

        progress = MilestoneProgress.from_dict(d.pop("progress"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        milestone_public = cls(
            id=id,
            project_key=project_key,
            name=name,
            description=description,
            target_date=target_date,
            status=status,
            progress=progress,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        milestone_public.additional_properties = d
        return milestone_public

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
