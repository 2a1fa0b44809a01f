from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IterationBrief")


@_attrs_define
class IterationBrief:
    """
    Attributes:
        id (str):
        name (str):
        start_date (datetime.date):
        end_date (datetime.date):
        status (str):
        capacity_points (float):
        committed_points (float):
        remaining_points (float):
    """

    id: str
    name: str
    start_date: datetime.date
    end_date: datetime.date
    status: str
    capacity_points: float
    committed_points: float
    remaining_points: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        status = self.status

        capacity_points = self.capacity_points

        committed_points = self.committed_points

        remaining_points = self.remaining_points

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "start_date": start_date,
                "end_date": end_date,
                "status": status,
                "capacity_points": capacity_points,
                "committed_points": committed_points,
                "remaining_points": remaining_points,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        status = d.pop("status")

        capacity_points = d.pop("capacity_points")

        committed_points = d.pop("committed_points")

        remaining_points = d.pop("remaining_points")

        iteration_brief = cls(
            id=id,
            name=name,
            start_date=start_date,
            end_date=end_date,
            status=status,
            capacity_points=capacity_points,
            committed_points=committed_points,
            remaining_points=remaining_points,
        )

        iteration_brief.additional_properties = d
        return iteration_brief

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
