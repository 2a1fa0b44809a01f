from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MilestoneProjection")


@_attrs_define
class MilestoneProjection:
    """
    Attributes:
        id (str):
        name (str):
        status (str):
        target_date (datetime.date):
        projected_finish (datetime.date | None): At the current velocity; the day the last item was done once all are;
            null when nothing is being burned or the milestone has no items (the milestone API's `forecast`).
        points_total (float):
        points_done (float):
        remaining_points (float):
        items_total (int):
        open_items (int):
        slip_days (int | None): Projected finish minus target date; positive is late; null without a projected finish.
    """

    id: str
    name: str
    status: str
    target_date: datetime.date
    projected_finish: datetime.date | None
    points_total: float
    points_done: float
    remaining_points: float
    items_total: int
    open_items: int
    slip_days: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        status = self.status

        target_date = self.target_date.isoformat()

        projected_finish: None | str
        if isinstance(self.projected_finish, datetime.date):
            projected_finish = self.projected_finish.isoformat()
        else:
            projected_finish = self.projected_finish

        points_total = self.points_total

        points_done = self.points_done

        remaining_points = self.remaining_points

        items_total = self.items_total

        open_items = self.open_items

        slip_days: int | None
        slip_days = self.slip_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "status": status,
                "target_date": target_date,
                "projected_finish": projected_finish,
                "points_total": points_total,
                "points_done": points_done,
                "remaining_points": remaining_points,
                "items_total": items_total,
                "open_items": open_items,
                "slip_days": slip_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        status = d.pop("status")

        target_date = datetime.date.fromisoformat(d.pop("target_date"))

        def _parse_projected_finish(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                projected_finish_type_0 = datetime.date.fromisoformat(data)

                return projected_finish_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        projected_finish = _parse_projected_finish(d.pop("projected_finish"))

        points_total = d.pop("points_total")

        points_done = d.pop("points_done")

        remaining_points = d.pop("remaining_points")

        items_total = d.pop("items_total")

        open_items = d.pop("open_items")

        def _parse_slip_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        slip_days = _parse_slip_days(d.pop("slip_days"))

        milestone_projection = cls(
            id=id,
            name=name,
            status=status,
            target_date=target_date,
            projected_finish=projected_finish,
            points_total=points_total,
            points_done=points_done,
            remaining_points=remaining_points,
            items_total=items_total,
            open_items=open_items,
            slip_days=slip_days,
        )

        milestone_projection.additional_properties = d
        return milestone_projection

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
