from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MilestoneProgress")


@_attrs_define
class MilestoneProgress:
    """Progress from the backlog items linked to the milestone: stories, tasks, bugs and spikes (epics and
    features are containers whose children carry the points; wont_do items are left out). The same figures
    as project health and the reports.

        Attributes:
            items_total (int):
            items_done (int):
            open_items (int): items_total − items_done.
            points_total (float):
            points_done (float):
            points_remaining (float): points_total − points_done.
            percent (float): points_done / points_total × 100, rounded to 0.1; 0 without points.
    """

    items_total: int
    items_done: int
    open_items: int
    points_total: float
    points_done: float
    points_remaining: float
    percent: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items_total = self.items_total

        items_done = self.items_done

        open_items = self.open_items

        points_total = self.points_total

        points_done = self.points_done

        points_remaining = self.points_remaining

        percent = self.percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items_total": items_total,
                "items_done": items_done,
                "open_items": open_items,
                "points_total": points_total,
                "points_done": points_done,
                "points_remaining": points_remaining,
                "percent": percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        items_total = d.pop("items_total")

        items_done = d.pop("items_done")

        open_items = d.pop("open_items")

        points_total = d.pop("points_total")

        points_done = d.pop("points_done")

        points_remaining = d.pop("points_remaining")

        percent = d.pop("percent")

        milestone_progress = cls(
            items_total=items_total,
            items_done=items_done,
            open_items=open_items,
            points_total=points_total,
            points_done=points_done,
            points_remaining=points_remaining,
            percent=percent,
        )

        milestone_progress.additional_properties = d
        return milestone_progress

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
