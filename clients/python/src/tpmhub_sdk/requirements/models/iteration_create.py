from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IterationCreate")


@_attrs_define
class IterationCreate:
    """A new iteration (sprint) of a project; it starts planned.

    Attributes:
        name (str):
        start_date (datetime.date):
        end_date (datetime.date):
        goal (str | Unset):  Default: ''.
        capacity_points (float | Unset): Points the team can deliver. Default: 0.0.
    """

    name: str
    start_date: datetime.date
    end_date: datetime.date
    goal: str | Unset = ""
    capacity_points: float | Unset = 0.0

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        goal = self.goal

        capacity_points = self.capacity_points

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "start_date": start_date,
                "end_date": end_date,
            }
        )
        if goal is not UNSET:
            field_dict["goal"] = goal
        if capacity_points is not UNSET:
            field_dict["capacity_points"] = capacity_points

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        goal = d.pop("goal", UNSET)

        capacity_points = d.pop("capacity_points", UNSET)

        iteration_create = cls(
            name=name,
            start_date=start_date,
            end_date=end_date,
            goal=goal,
            capacity_points=capacity_points,
        )

        return iteration_create
