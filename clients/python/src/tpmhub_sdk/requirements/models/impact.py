from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.impact_unknown import ImpactUnknown
    from ..models.linked_risk import LinkedRisk
    from ..models.milestone_at_risk import MilestoneAtRisk
    from ..models.predicted_risk import PredictedRisk
    from ..models.release_touched import ReleaseTouched


T = TypeVar("T", bound="Impact")


@_attrs_define
class Impact:
    """What the change touches, computed by the service: items, effort, dates and milestones here;
    releases (release-svc) and risks (risk-svc) asked with one call each, concurrently. A part whose
    service did not answer is listed in `unknown` and the impact is not `complete`.

        Attributes:
            affected_items (list[str]): Named items and all their descendants.
            points_delta (float): Point changes of the patches plus effort_delta_points.
            date_delta_days (int):
            milestones_at_risk (list[MilestoneAtRisk]): Open milestones of the affected items, at risk when points or dates
                grow.
            criteria_to_reverify (int): Passed acceptance criteria of the affected items; applying the change sends them
                back to pending.
            releases (list[ReleaseTouched] | Unset): Releases whose scope holds affected items; those with `back_to_review`
                go back to in_review when the change is approved.
            risks (list[LinkedRisk] | Unset): Risks (not closed) linked to the affected items.
            requirement_change_risk (None | PredictedRisk | Unset): The requirement_change risk risk-svc creates on approval
                (null when unknown).
            unknown (list[ImpactUnknown] | Unset): Parts not computed because their service did not answer.
            complete (bool | Unset): False when any part is unknown. Default: True.
    """

    affected_items: list[str]
    points_delta: float
    date_delta_days: int
    milestones_at_risk: list[MilestoneAtRisk]
    criteria_to_reverify: int
    releases: list[ReleaseTouched] | Unset = UNSET
    risks: list[LinkedRisk] | Unset = UNSET
    requirement_change_risk: None | PredictedRisk | Unset = UNSET
    unknown: list[ImpactUnknown] | Unset = UNSET
    complete: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.predicted_risk import PredictedRisk  # noqa: PLC0415

        affected_items = self.affected_items

        points_delta = self.points_delta

        date_delta_days = self.date_delta_days

        milestones_at_risk = []
        for milestones_at_risk_item_data in self.milestones_at_risk:
            milestones_at_risk_item = milestones_at_risk_item_data.to_dict()
            milestones_at_risk.append(milestones_at_risk_item)

        criteria_to_reverify = self.criteria_to_reverify

        releases: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.releases, Unset):
            releases = []
            for releases_item_data in self.releases:
                releases_item = releases_item_data.to_dict()
                releases.append(releases_item)

        risks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.risks, Unset):
            risks = []
            for risks_item_data in self.risks:
                risks_item = risks_item_data.to_dict()
                risks.append(risks_item)

        requirement_change_risk: dict[str, Any] | None | Unset
        if isinstance(self.requirement_change_risk, Unset):
            requirement_change_risk = UNSET
        elif isinstance(self.requirement_change_risk, PredictedRisk):
            requirement_change_risk = self.requirement_change_risk.to_dict()
        else:
            requirement_change_risk = self.requirement_change_risk

        unknown: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.unknown, Unset):
            unknown = []
            for unknown_item_data in self.unknown:
                unknown_item = unknown_item_data.to_dict()
                unknown.append(unknown_item)

        complete = self.complete

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
        if releases is not UNSET:
            field_dict["releases"] = releases
        if risks is not UNSET:
            field_dict["risks"] = risks
        if requirement_change_risk is not UNSET:
            field_dict["requirement_change_risk"] = requirement_change_risk
        if unknown is not UNSET:
            field_dict["unknown"] = unknown
        if complete is not UNSET:
            field_dict["complete"] = complete

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.impact_unknown import ImpactUnknown  # noqa: PLC0415
        from ..models.linked_risk import LinkedRisk  # noqa: PLC0415
        from ..models.milestone_at_risk import MilestoneAtRisk  # noqa: PLC0415
        from ..models.predicted_risk import PredictedRisk  # noqa: PLC0415
        from ..models.release_touched import ReleaseTouched  # noqa: PLC0415

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

        _releases = d.pop("releases", UNSET)
        releases: list[ReleaseTouched] | Unset = UNSET
        if _releases is not UNSET:
            releases = []
            for releases_item_data in _releases:
                releases_item = ReleaseTouched.from_dict(releases_item_data)

                releases.append(releases_item)

        _risks = d.pop("risks", UNSET)
        risks: list[LinkedRisk] | Unset = UNSET
        if _risks is not UNSET:
            risks = []
            for risks_item_data in _risks:
                risks_item = LinkedRisk.from_dict(risks_item_data)

                risks.append(risks_item)

        def _parse_requirement_change_risk(data: object) -> None | PredictedRisk | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                requirement_change_risk_type_0 = PredictedRisk.from_dict(data)

                return requirement_change_risk_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PredictedRisk | Unset, data)

        requirement_change_risk = _parse_requirement_change_risk(d.pop("requirement_change_risk", UNSET))

        _unknown = d.pop("unknown", UNSET)
        unknown: list[ImpactUnknown] | Unset = UNSET
        if _unknown is not UNSET:
            unknown = []
            for unknown_item_data in _unknown:
                unknown_item = ImpactUnknown.from_dict(unknown_item_data)

                unknown.append(unknown_item)

        complete = d.pop("complete", UNSET)

        impact = cls(
            affected_items=affected_items,
            points_delta=points_delta,
            date_delta_days=date_delta_days,
            milestones_at_risk=milestones_at_risk,
            criteria_to_reverify=criteria_to_reverify,
            releases=releases,
            risks=risks,
            requirement_change_risk=requirement_change_risk,
            unknown=unknown,
            complete=complete,
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
