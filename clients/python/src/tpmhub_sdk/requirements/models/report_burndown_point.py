from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReportBurndownPoint")


@_attrs_define
class ReportBurndownPoint:
    """
    Attributes:
        date (datetime.date):
        remaining (float | None): Open committed points at the end of the day; null for days ahead.
        ideal (float):
    """

    date: datetime.date
    remaining: float | None
    ideal: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        remaining: float | None
        remaining = self.remaining

        ideal = self.ideal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "remaining": remaining,
                "ideal": ideal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        def _parse_remaining(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        remaining = _parse_remaining(d.pop("remaining"))

        ideal = d.pop("ideal")

        report_burndown_point = cls(
            date=date,
            remaining=remaining,
            ideal=ideal,
        )

        report_burndown_point.additional_properties = d
        return report_burndown_point

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
