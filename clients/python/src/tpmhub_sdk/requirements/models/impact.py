from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.milestone_at_risk import MilestoneAtRisk


T = TypeVar("T", bound="Impact")


@_attrs_define
class Impact:
    """What the change touches, computed by the service.

    Attributes:
        affected_items (list[str]): Named items and all their descendants.
        points_delta (float): Point changes of the patches plus effort_delta_points.
        date_delta_days (int):
        milestones_at_risk (list[MilestoneAtRisk]): Open milestones of the affected items, at risk when points or dates
            grow.
        criteria_to_reverify (int): Passed acceptance criteria of the affected items; applying the change sends them
            back to pending.
    """

    affected_items: list[str]
    points_delta: float
    date_delta_days: int
    milestones_at_risk: list[MilestoneAtRisk]
    criteria_to_reverify: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        affected_items = self.affected_items

        points_delta = self.points_delta

        date_delta_days = self.date_delta_days

        milestones_at_risk = []
        for milestones_at_risk_item_data in self.milestones_at_risk:
            milestones_at_risk_item = milestones_at_risk_item_data.to_dict()
            milestones_at_risk.append(milestones_at_risk_item)

        criteria_to_reverify = self.criteria_to_reverify

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "affected_items": affected_items,
                "points_delta": points_delta,
                "date_delta_days": date_delta_days,
                "milestones_at_risk": milestones_at_risk,
                "criteria_to_reverify": criteria_to_reverify,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.milestone_at_risk import MilestoneAtRisk  # noqa: PLC0415

        d = dict(src_dict)
        affected_items = cast(list[str], d.pop("affected_items"))

        points_delta = d.pop("points_delta")

        date_delta_days = d.pop("date_delta_days")

        milestones_at_risk = []
        _milestones_at_risk = d.pop("milestones_at_risk")
        for milestones_at_risk_item_data in _milestones_at_risk:
            milestones_at_risk_item = MilestoneAtRisk.from_dict(milestones_at_risk_item_data)

            milestones_at_risk.append(milestones_at_risk_item)

        criteria_to_reverify = d.pop("criteria_to_reverify")

        impact = cls(
            affected_items=affected_items,
            points_delta=points_delta,
            date_delta_days=date_delta_days,
            milestones_at_risk=milestones_at_risk,
            criteria_to_reverify=criteria_to_reverify,
        )

        impact.additional_properties = d
        return impact

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
