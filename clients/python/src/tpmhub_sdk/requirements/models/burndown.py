from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.burndown_point import BurndownPoint


T = TypeVar("T", bound="Burndown")


@_attrs_define
class Burndown:
    """Remaining points per day, replayed from the items' history.

    Attributes:
        iteration_id (UUID):
        start_date (datetime.date):
        end_date (datetime.date):
        days (list[BurndownPoint]):
    """

    iteration_id: UUID
    start_date: datetime.date
    end_date: datetime.date
    days: list[BurndownPoint]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        iteration_id = str(self.iteration_id)

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "iteration_id": iteration_id,
                "start_date": start_date,
                "end_date": end_date,
                "days": days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.burndown_point import BurndownPoint  # noqa: PLC0415

        d = dict(src_dict)
        iteration_id = UUID(d.pop("iteration_id"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = BurndownPoint.from_dict(days_item_data)

            days.append(days_item)

        burndown = cls(
            iteration_id=iteration_id,
            start_date=start_date,
            end_date=end_date,
            days=days,
        )

        burndown.additional_properties = d
        return burndown

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
