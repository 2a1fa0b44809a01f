from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.milestone_create_status import MilestoneCreateStatus, check_milestone_create_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="MilestoneCreate")


@_attrs_define
class MilestoneCreate:
    """A new milestone of a project.

    Attributes:
        name (str):
        target_date (datetime.date):
        description (str | Unset):  Default: ''.
        status (MilestoneCreateStatus | Unset):  Default: 'planned'.
    """

    name: str
    target_date: datetime.date
    description: str | Unset = ""
    status: MilestoneCreateStatus | Unset = "planned"

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        target_date = self.target_date.isoformat()

        description = self.description

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "target_date": target_date,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        target_date = datetime.date.fromisoformat(d.pop("target_date"))

        description = d.pop("description", UNSET)

        _status = d.pop("status", UNSET)
        status: MilestoneCreateStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_milestone_create_status(_status)

        milestone_create = cls(
            name=name,
            target_date=target_date,
            description=description,
            status=status,
        )

        return milestone_create
