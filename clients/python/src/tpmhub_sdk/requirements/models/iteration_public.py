from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.iteration_public_status import IterationPublicStatus, check_iteration_public_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="IterationPublic")


@_attrs_define
class IterationPublic:
    """An iteration with its committed and done points (summed in SQL).

    Attributes:
        id (UUID):
        project_key (str):
        name (str):
        goal (str):
        start_date (datetime.date):
        end_date (datetime.date):
        capacity_points (float):
        status (IterationPublicStatus):
        started_at (datetime.datetime | None):
        closed_at (datetime.datetime | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        committed_points (float | Unset):  Default: 0.0.
        done_points (float | Unset):  Default: 0.0.
        item_count (int | Unset):  Default: 0.
        over_committed_by (float | Unset): Committed minus capacity, when positive. Default: 0.0.
    """

    id: UUID
    project_key: str
    name: str
    goal: str
    start_date: datetime.date
    end_date: datetime.date
    capacity_points: float
    status: IterationPublicStatus
    started_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    committed_points: float | Unset = 0.0
    done_points: float | Unset = 0.0
    item_count: int | Unset = 0
    over_committed_by: float | Unset = 0.0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_key = self.project_key

        name = self.name

        goal = self.goal

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        capacity_points = self.capacity_points

        status: str = self.status

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        committed_points = self.committed_points

        done_points = self.done_points

        item_count = self.item_count

        over_committed_by = self.over_committed_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_key": project_key,
                "name": name,
                "goal": goal,
                "start_date": start_date,
                "end_date": end_date,
                "capacity_points": capacity_points,
                "status": status,
                "started_at": started_at,
                "closed_at": closed_at,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if committed_points is not UNSET:
            field_dict["committed_points"] = committed_points
        if done_points is not UNSET:
            field_dict["done_points"] = done_points
        if item_count is not UNSET:
            field_dict["item_count"] = item_count
        if over_committed_by is not UNSET:
            field_dict["over_committed_by"] = over_committed_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_key = d.pop("project_key")

        name = d.pop("name")

        goal = d.pop("goal")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        capacity_points = d.pop("capacity_points")

        status = check_iteration_public_status(d.pop("status"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        committed_points = d.pop("committed_points", UNSET)

        done_points = d.pop("done_points", UNSET)

        item_count = d.pop("item_count", UNSET)

        over_committed_by = d.pop("over_committed_by", UNSET)

        iteration_public = cls(
            id=id,
            project_key=project_key,
            name=name,
            goal=goal,
            start_date=start_date,
            end_date=end_date,
            capacity_points=capacity_points,
            status=status,
            started_at=started_at,
            closed_at=closed_at,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            committed_points=committed_points,
            done_points=done_points,
            item_count=item_count,
            over_committed_by=over_committed_by,
        )

        iteration_public.additional_properties = d
        return iteration_public

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
