from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_count import ItemCount
    from ..models.iteration_brief import IterationBrief
    from ..models.milestone_projection import MilestoneProjection
    from ..models.report_burndown_point import ReportBurndownPoint


T = TypeVar("T", bound="ProgressSection")


@_attrs_define
class ProgressSection:
    """What moved in the backlog during the period.

    Attributes:
        done (ItemCount):
        added (ItemCount):
        carried_over (ItemCount):
        points_burned (float):
        points_planned (float): The ideal burn of the current iteration over the period's days.
        velocity_points_per_day (float):
        iteration (IterationBrief | None):
        burndown (list[ReportBurndownPoint]):
        milestones (list[MilestoneProjection]):
        available (bool | Unset):  Default: True.
        reason (None | str | Unset):
    """

    done: ItemCount
    added: ItemCount
    carried_over: ItemCount
    points_burned: float
    points_planned: float
    velocity_points_per_day: float
    iteration: IterationBrief | None
    burndown: list[ReportBurndownPoint]
    milestones: list[MilestoneProjection]
    available: bool | Unset = True
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.iteration_brief import IterationBrief  # noqa: PLC0415

        done = self.done.to_dict()

        added = self.added.to_dict()

        carried_over = self.carried_over.to_dict()

        points_burned = self.points_burned

        points_planned = self.points_planned

        velocity_points_per_day = self.velocity_points_per_day

        iteration: dict[str, Any] | None
        if isinstance(self.iteration, IterationBrief):
            iteration = self.iteration.to_dict()
        else:
            iteration = self.iteration

        burndown = []
        for burndown_item_data in self.burndown:
            burndown_item = burndown_item_data.to_dict()
            burndown.append(burndown_item)

        milestones = []
        for milestones_item_data in self.milestones:
            milestones_item = milestones_item_data.to_dict()
            milestones.append(milestones_item)

        available = self.available

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "done": done,
                "added": added,
                "carried_over": carried_over,
                "points_burned": points_burned,
                "points_planned": points_planned,
                "velocity_points_per_day": velocity_points_per_day,
                "iteration": iteration,
                "burndown": burndown,
                "milestones": milestones,
            }
        )
        if available is not UNSET:
            field_dict["available"] = available
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_count import ItemCount  # noqa: PLC0415
        from ..models.iteration_brief import IterationBrief  # noqa: PLC0415
        from ..models.milestone_projection import MilestoneProjection  # noqa: PLC0415
        from ..models.report_burndown_point import ReportBurndownPoint  # noqa: PLC0415

        d = dict(src_dict)
        done = ItemCount.from_dict(d.pop("done"))

        added = ItemCount.from_dict(d.pop("added"))

        carried_over = ItemCount.from_dict(d.pop("carried_over"))

        points_burned = d.pop("points_burned")

        points_planned = d.pop("points_planned")

        velocity_points_per_day = d.pop("velocity_points_per_day")

        def _parse_iteration(data: object) -> IterationBrief | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                iteration_type_0 = IterationBrief.from_dict(data)

                return iteration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IterationBrief | None, data)

        iteration = _parse_iteration(d.pop("iteration"))

        burndown = []
        _burndown = d.pop("burndown")
        for burndown_item_data in _burndown:
            burndown_item = ReportBurndownPoint.from_dict(burndown_item_data)

            burndown.append(burndown_item)

        milestones = []
        _milestones = d.pop("milestones")
        for milestones_item_data in _milestones:
            milestones_item = MilestoneProjection.from_dict(milestones_item_data)

            milestones.append(milestones_item)

        available = d.pop("available", UNSET)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        progress_section = cls(
            done=done,
            added=added,
            carried_over=carried_over,
            points_burned=points_burned,
            points_planned=points_planned,
            velocity_points_per_day=velocity_points_per_day,
            iteration=iteration,
            burndown=burndown,
            milestones=milestones,
            available=available,
            reason=reason,
        )

        progress_section.additional_properties = d
        return progress_section

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
