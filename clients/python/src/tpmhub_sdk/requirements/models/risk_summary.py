from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.exposure_point_day import ExposurePointDay
    from ..models.risk_brief import RiskBrief
    from ..models.summary_heatmap_cell import SummaryHeatmapCell
    from ..models.summary_overdue_action import SummaryOverdueAction
    from ..models.summary_overdue_review import SummaryOverdueReview
    from ..models.unresolved_escalation import UnresolvedEscalation


T = TypeVar("T", bound="RiskSummary")


@_attrs_define
class RiskSummary:
    """A project's risk register over a period [from, to] (UTC days, both included).

    Attributes:
        project_key (str):
        from_date (str):
        to_date (str):
        generated_at (datetime.datetime):
        open_count (int):
        exposure (int): Sum of the scores of the open risks now.
        new (list[RiskBrief]): Risks identified in the period.
        escalated (list[RiskBrief]): Risks escalated in the period.
        closed (list[RiskBrief]): Risks closed in the period.
        exposure_series (list[ExposurePointDay]): Open exposure at the end of each day of the trend window
            (`trend_from`..`to`).
        top (list[RiskBrief]): The five open risks with the highest exposure (score).
        overdue_reviews (list[SummaryOverdueReview]):
        overdue_actions (list[SummaryOverdueAction]):
        heatmap (list[SummaryHeatmapCell]): Open risks per probability × impact cell (empty cells omitted).
        critical (list[RiskBrief]): Open critical risks, with their age.
        unresolved_escalations (list[UnresolvedEscalation]):
    """

    project_key: str
    from_date: str
    to_date: str
    generated_at: datetime.datetime
    open_count: int
    exposure: int
    new: list[RiskBrief]
    escalated: list[RiskBrief]
    closed: list[RiskBrief]
    exposure_series: list[ExposurePointDay]
    top: list[RiskBrief]
    overdue_reviews: list[SummaryOverdueReview]
    overdue_actions: list[SummaryOverdueAction]
    heatmap: list[SummaryHeatmapCell]
    critical: list[RiskBrief]
    unresolved_escalations: list[UnresolvedEscalation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_key = self.project_key

        from_date = self.from_date

        to_date = self.to_date

        generated_at = self.generated_at.isoformat()

        open_count = self.open_count

        exposure = self.exposure

        new = []
        for new_item_data in self.new:
            new_item = new_item_data.to_dict()
            new.append(new_item)

        escalated = []
        for escalated_item_data in self.escalated:
            escalated_item = escalated_item_data.to_dict()
            escalated.append(escalated_item)

        closed = []
        for closed_item_data in self.closed:
            closed_item = closed_item_data.to_dict()
            closed.append(closed_item)

        exposure_series = []
        for exposure_series_item_data in self.exposure_series:
            exposure_series_item = exposure_series_item_data.to_dict()
            exposure_series.append(exposure_series_item)

        top = []
        for top_item_data in self.top:
            top_item = top_item_data.to_dict()
            top.append(top_item)

        overdue_reviews = []
        for overdue_reviews_item_data in self.overdue_reviews:
            overdue_reviews_item = overdue_reviews_item_data.to_dict()
            overdue_reviews.append(overdue_reviews_item)

        overdue_actions = []
        for overdue_actions_item_data in self.overdue_actions:
            overdue_actions_item = overdue_actions_item_data.to_dict()
            overdue_actions.append(overdue_actions_item)

        heatmap = []
        for heatmap_item_data in self.heatmap:
            heatmap_item = heatmap_item_data.to_dict()
            heatmap.append(heatmap_item)

        critical = []
        for critical_item_data in self.critical:
            critical_item = critical_item_data.to_dict()
            critical.append(critical_item)

        unresolved_escalations = []
        for unresolved_escalations_item_data in self.unresolved_escalations:
            unresolved_escalations_item = unresolved_escalations_item_data.to_dict()
            unresolved_escalations.append(unresolved_escalations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_key": project_key,
                "from_date": from_date,
                "to_date": to_date,
                "generated_at": generated_at,
                "open_count": open_count,
                "exposure": exposure,
                "new": new,
                "escalated": escalated,
                "closed": closed,
                "exposure_series": exposure_series,
                "top": top,
                "overdue_reviews": overdue_reviews,
                "overdue_actions": overdue_actions,
                "heatmap": heatmap,
                "critical": critical,
                "unresolved_escalations": unresolved_escalations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exposure_point_day import ExposurePointDay  # noqa: PLC0415
        from ..models.risk_brief import RiskBrief  # noqa: PLC0415
        from ..models.summary_heatmap_cell import SummaryHeatmapCell  # noqa: PLC0415
        from ..models.summary_overdue_action import SummaryOverdueAction  # noqa: PLC0415
        from ..models.summary_overdue_review import SummaryOverdueReview  # noqa: PLC0415
        from ..models.unresolved_escalation import UnresolvedEscalation  # noqa: PLC0415

        d = dict(src_dict)
        project_key = d.pop("project_key")

        from_date = d.pop("from_date")

        to_date = d.pop("to_date")

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        open_count = d.pop("open_count")

        exposure = d.pop("exposure")

        new = []
        _new = d.pop("new")
        for new_item_data in _new:
            new_item = RiskBrief.from_dict(new_item_data)

            new.append(new_item)

        escalated = []
        _escalated = d.pop("escalated")
        for escalated_item_data in _escalated:
            escalated_item = RiskBrief.from_dict(escalated_item_data)

            escalated.append(escalated_item)

        closed = []
        _closed = d.pop("closed")
        for closed_item_data in _closed:
            closed_item = RiskBrief.from_dict(closed_item_data)

            closed.append(closed_item)

        exposure_series = []
        _exposure_series = d.pop("exposure_series")
        for exposure_series_item_data in _exposure_series:
            exposure_series_item = ExposurePointDay.from_dict(exposure_series_item_data)

            exposure_series.append(exposure_series_item)

        top = []
        _top = d.pop("top")
        for top_item_data in _top:
            top_item = RiskBrief.from_dict(top_item_data)

            top.append(top_item)

        overdue_reviews = []
        _overdue_reviews = d.pop("overdue_reviews")
        for overdue_reviews_item_data in _overdue_reviews:
            overdue_reviews_item = SummaryOverdueReview.from_dict(overdue_reviews_item_data)

            overdue_reviews.append(overdue_reviews_item)

        overdue_actions = []
        _overdue_actions = d.pop("overdue_actions")
        for overdue_actions_item_data in _overdue_actions:
            overdue_actions_item = SummaryOverdueAction.from_dict(overdue_actions_item_data)

            overdue_actions.append(overdue_actions_item)

        heatmap = []
        _heatmap = d.pop("heatmap")
        for heatmap_item_data in _heatmap:
            heatmap_item = SummaryHeatmapCell.from_dict(heatmap_item_data)

            heatmap.append(heatmap_item)

        critical = []
        _critical = d.pop("critical")
        for critical_item_data in _critical:
            critical_item = RiskBrief.from_dict(critical_item_data)

            critical.append(critical_item)

        unresolved_escalations = []
        _unresolved_escalations = d.pop("unresolved_escalations")
        for unresolved_escalations_item_data in _unresolved_escalations:
            unresolved_escalations_item = UnresolvedEscalation.from_dict(unresolved_escalations_item_data)

            unresolved_escalations.append(unresolved_escalations_item)

        risk_summary = cls(
            project_key=project_key,
            from_date=from_date,
            to_date=to_date,
            generated_at=generated_at,
            open_count=open_count,
            exposure=exposure,
            new=new,
            escalated=escalated,
            closed=closed,
            exposure_series=exposure_series,
            top=top,
            overdue_reviews=overdue_reviews,
            overdue_actions=overdue_actions,
            heatmap=heatmap,
            critical=critical,
            unresolved_escalations=unresolved_escalations,
        )

        risk_summary.additional_properties = d
        return risk_summary

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
