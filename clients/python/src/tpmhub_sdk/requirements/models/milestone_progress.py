from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MilestoneProgress")


@_attrs_define
class MilestoneProgress:
    """Progress from the backlog items linked to the milestone (wont_do items are left out).

    Attributes:
        items_total (int):
        items_done (int):
        points_total (float):
        points_done (float):
        percent (float): points_done / points_total × 100, rounded to 0.1; 0 without points.
    """

    items_total: int
    items_done: int
    points_total: float
    points_done: float
    percent: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items_total = self.items_total

        items_done = self.items_done

        points_total = self.points_total

        points_done = self.points_done

        percent = self.percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items_total": items_total,
                "items_done": items_done,
                "points_total": points_total,
                "points_done": points_done,
                "percent": percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        items_total = d.pop("items_total")

        items_done = d.pop("items_done")

        points_total = d.pop("points_total")

        points_done = d.pop("points_done")

        percent = d.pop("percent")

        milestone_progress = cls(
            items_total=items_total,
            items_done=items_done,
            points_total=points_total,
            points_done=points_done,
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
