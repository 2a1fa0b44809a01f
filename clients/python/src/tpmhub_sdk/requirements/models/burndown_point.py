from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BurndownPoint")


@_attrs_define
class BurndownPoint:
    """One day of the burndown, as of the end of that day (UTC).

    Attributes:
        date (datetime.date):
        remaining_points (float):
        scope_points (float): Points committed at the end of the day.
        ideal_points (float):
    """

    date: datetime.date
    remaining_points: float
    scope_points: float
    ideal_points: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        remaining_points = self.remaining_points

        scope_points = self.scope_points

        ideal_points = self.ideal_points

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "remaining_points": remaining_points,
                "scope_points": scope_points,
                "ideal_points": ideal_points,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        remaining_points = d.pop("remaining_points")

        scope_points = d.pop("scope_points")

        ideal_points = d.pop("ideal_points")

        burndown_point = cls(
            date=date,
            remaining_points=remaining_points,
            scope_points=scope_points,
            ideal_points=ideal_points,
        )

        burndown_point.additional_properties = d
        return burndown_point

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
