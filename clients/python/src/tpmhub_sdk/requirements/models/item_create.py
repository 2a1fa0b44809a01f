from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.item_create_moscow_type_0 import ItemCreateMoscowType0, check_item_create_moscow_type_0
from ..models.item_create_priority_type_0 import ItemCreatePriorityType0, check_item_create_priority_type_0
from ..models.item_create_severity_type_0 import ItemCreateSeverityType0, check_item_create_severity_type_0
from ..models.item_create_type import ItemCreateType, check_item_create_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="ItemCreate")


@_attrs_define
class ItemCreate:
    """A new backlog item. Its key (`PAY-42`) is assigned by the service, gap-free per project.

    Attributes:
        type_ (ItemCreateType):
        title (str):
        description (None | str | Unset):
        priority (ItemCreatePriorityType0 | None | Unset): P0 (highest) to P3.
        labels (list[str] | None | Unset):
        assignee (None | str | Unset):
        points (float | None | Unset): Estimate in story points.
        parent (None | str | Unset): Key of the parent item.
        iteration_id (None | Unset | UUID): Iteration the item is committed to.
        milestone_id (None | Unset | UUID): Milestone of the same project.
        prd_section_id (None | str | Unset): Stable id of the PRD section the item implements.
        reach (int | None | Unset): RICE reach per period.
        impact (float | None | Unset): RICE impact: 0.25, 0.5, 1, 2 or 3.
        confidence (int | None | Unset): RICE confidence in percent.
        effort (float | None | Unset): RICE effort in person-months.
        business_value (int | None | Unset): WSJF user/business value.
        time_criticality (int | None | Unset): WSJF time criticality.
        risk_reduction (int | None | Unset): WSJF risk reduction / opportunity enablement.
        job_size (int | None | Unset): WSJF job size.
        moscow (ItemCreateMoscowType0 | None | Unset):
        severity (ItemCreateSeverityType0 | None | Unset): Bugs only: S1 (critical) to S4.
        found_in (None | str | Unset): Bugs only: release or environment.
        fixed_in (None | str | Unset): Bugs only: release with the fix.
        criteria (list[str] | Unset): Acceptance criteria texts, created pending.
    """

    type_: ItemCreateType
    title: str
    description: None | str | Unset = UNSET
    priority: ItemCreatePriorityType0 | None | Unset = UNSET
    labels: list[str] | None | Unset = UNSET
    assignee: None | str | Unset = UNSET
    points: float | None | Unset = UNSET
    parent: None | str | Unset = UNSET
    iteration_id: None | Unset | UUID = UNSET
    milestone_id: None | Unset | UUID = UNSET
    prd_section_id: None | str | Unset = UNSET
    reach: int | None | Unset = UNSET
    impact: float | None | Unset = UNSET
    confidence: int | None | Unset = UNSET
    effort: float | None | Unset = UNSET
    business_value: int | None | Unset = UNSET
    time_criticality: int | None | Unset = UNSET
    risk_reduction: int | None | Unset = UNSET
    job_size: int | None | Unset = UNSET
    moscow: ItemCreateMoscowType0 | None | Unset = UNSET
    severity: ItemCreateSeverityType0 | None | Unset = UNSET
    found_in: None | str | Unset = UNSET
    fixed_in: None | str | Unset = UNSET
    criteria: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        priority: None | str | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        elif isinstance(self.priority, str):
            priority = self.priority
        else:
            priority = self.priority

        labels: list[str] | None | Unset
        if isinstance(self.labels, Unset):
            labels = UNSET
        elif isinstance(self.labels, list):
            labels = self.labels

        else:
            labels = self.labels

        assignee: None | str | Unset
        if isinstance(self.assignee, Unset):
            assignee = UNSET
        else:
            assignee = self.assignee

        points: float | None | Unset
        if isinstance(self.points, Unset):
            points = UNSET
        else:
            points = self.points

        parent: None | str | Unset
        if isinstance(self.parent, Unset):
            parent = UNSET
        else:
            parent = self.parent

        iteration_id: None | str | Unset
        if isinstance(self.iteration_id, Unset):
            iteration_id = UNSET
        elif isinstance(self.iteration_id, UUID):
            iteration_id = str(self.iteration_id)
        else:
            iteration_id = self.iteration_id

        milestone_id: None | str | Unset
        if isinstance(self.milestone_id, Unset):
            milestone_id = UNSET
        elif isinstance(self.milestone_id, UUID):
            milestone_id = str(self.milestone_id)
        else:
            milestone_id = self.milestone_id

        prd_section_id: None | str | Unset
        if isinstance(self.prd_section_id, Unset):
            prd_section_id = UNSET
        else:
            prd_section_id = self.prd_section_id

        reach: int | None | Unset
        if isinstance(self.reach, Unset):
            reach = UNSET
        else:
            reach = self.reach

        impact: float | None | Unset
        if isinstance(self.impact, Unset):
            impact = UNSET
        else:
            impact = self.impact

        confidence: int | None | Unset
        if isinstance(self.confidence, Unset):
            confidence = UNSET
        else:
            confidence = self.confidence

        effort: float | None | Unset
        if isinstance(self.effort, Unset):
            effort = UNSET
        else:
            effort = self.effort

        business_value: int | None | Unset
        if isinstance(self.business_value, Unset):
            business_value = UNSET
        else:
            business_value = self.business_value

        time_criticality: int | None | Unset
        if isinstance(self.time_criticality, Unset):
            time_criticality = UNSET
        else:
            time_criticality = self.time_criticality

        risk_reduction: int | None | Unset
        if isinstance(self.risk_reduction, Unset):
            risk_reduction = UNSET
        else:
            risk_reduction = self.risk_reduction

        job_size: int | None | Unset
        if isinstance(self.job_size, Unset):
            job_size = UNSET
        else:
            job_size = self.job_size

        moscow: None | str | Unset
        if isinstance(self.moscow, Unset):
            moscow = UNSET
        elif isinstance(self.moscow, str):
            moscow = self.moscow
        else:
            moscow = self.moscow

        severity: None | str | Unset
        if isinstance(self.severity, Unset):
            severity = UNSET
        elif isinstance(self.severity, str):
            severity = self.severity
        else:
            severity = self.severity

        found_in: None | str | Unset
        if isinstance(self.found_in, Unset):
            found_in = UNSET
        else:
            found_in = self.found_in

        fixed_in: None | str | Unset
        if isinstance(self.fixed_in, Unset):
            fixed_in = UNSET
        else:
            fixed_in = self.fixed_in

        criteria: list[str] | Unset = UNSET
        if not isinstance(self.criteria, Unset):
            criteria = self.criteria

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if priority is not UNSET:
            field_dict["priority"] = priority
        if labels is not UNSET:
            field_dict["labels"] = labels
        if assignee is not UNSET:
            field_dict["assignee"] = assignee
        if points is not UNSET:
            field_dict["points"] = points
        if parent is not UNSET:
            field_dict["parent"] = parent
        if iteration_id is not UNSET:
            field_dict["iteration_id"] = iteration_id
        if milestone_id is not UNSET:
            field_dict["milestone_id"] = milestone_id
        if prd_section_id is not UNSET:
            field_dict["prd_section_id"] = prd_section_id
        if reach is not UNSET:
            field_dict["reach"] = reach
        if impact is not UNSET:
            field_dict["impact"] = impact
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if effort is not UNSET:
            field_dict["effort"] = effort
        if business_value is not UNSET:
            field_dict["business_value"] = business_value
        if time_criticality is not UNSET:
            field_dict["time_criticality"] = time_criticality
        if risk_reduction is not UNSET:
            field_dict["risk_reduction"] = risk_reduction
        if job_size is not UNSET:
            field_dict["job_size"] = job_size
        if moscow is not UNSET:
            field_dict["moscow"] = moscow
        if severity is not UNSET:
            field_dict["severity"] = severity
        if found_in is not UNSET:
            field_dict["found_in"] = found_in
        if fixed_in is not UNSET:
            field_dict["fixed_in"] = fixed_in
        if criteria is not UNSET:
            field_dict["criteria"] = criteria

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_item_create_type(d.pop("type"))

        title = d.pop("title")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_priority(data: object) -> ItemCreatePriorityType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                priority_type_0 = check_item_create_priority_type_0(data)

                return priority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemCreatePriorityType0 | None | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        def _parse_labels(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                labels_type_0 = cast(list[str], data)

                return labels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        labels = _parse_labels(d.pop("labels", UNSET))

        def _parse_assignee(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assignee = _parse_assignee(d.pop("assignee", UNSET))

        def _parse_points(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        points = _parse_points(d.pop("points", UNSET))

        def _parse_parent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent = _parse_parent(d.pop("parent", UNSET))

        def _parse_iteration_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                iteration_id_type_0 = UUID(data)

                return iteration_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        iteration_id = _parse_iteration_id(d.pop("iteration_id", UNSET))

        def _parse_milestone_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                milestone_id_type_0 = UUID(data)

                return milestone_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        milestone_id = _parse_milestone_id(d.pop("milestone_id", UNSET))

        def _parse_prd_section_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prd_section_id = _parse_prd_section_id(d.pop("prd_section_id", UNSET))

        def _parse_reach(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reach = _parse_reach(d.pop("reach", UNSET))

        def _parse_impact(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        impact = _parse_impact(d.pop("impact", UNSET))

        def _parse_confidence(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        confidence = _parse_confidence(d.pop("confidence", UNSET))

        def _parse_effort(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        effort = _parse_effort(d.pop("effort", UNSET))

        def _parse_business_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        business_value = _parse_business_value(d.pop("business_value", UNSET))

        def _parse_time_criticality(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        time_criticality = _parse_time_criticality(d.pop("time_criticality", UNSET))

        def _parse_risk_reduction(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        risk_reduction = _parse_risk_reduction(d.pop("risk_reduction", UNSET))

        def _parse_job_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        job_size = _parse_job_size(d.pop("job_size", UNSET))

        def _parse_moscow(data: object) -> ItemCreateMoscowType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                moscow_type_0 = check_item_create_moscow_type_0(data)

                return moscow_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemCreateMoscowType0 | None | Unset, data)

        moscow = _parse_moscow(d.pop("moscow", UNSET))

        def _parse_severity(data: object) -> ItemCreateSeverityType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                severity_type_0 = check_item_create_severity_type_0(data)

                return severity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemCreateSeverityType0 | None | Unset, data)

        severity = _parse_severity(d.pop("severity", UNSET))

        def _parse_found_in(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        found_in = _parse_found_in(d.pop("found_in", UNSET))

        def _parse_fixed_in(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fixed_in = _parse_fixed_in(d.pop("fixed_in", UNSET))

        criteria = cast(list[str], d.pop("criteria", UNSET))

        item_create = cls(
            type_=type_,
            title=title,
            description=description,
            priority=priority,
            labels=labels,
            assignee=assignee,
            points=points,
            parent=parent,
            iteration_id=iteration_id,
            milestone_id=milestone_id,
            prd_section_id=prd_section_id,
            reach=reach,
            impact=impact,
            confidence=confidence,
            effort=effort,
            business_value=business_value,
            time_criticality=time_criticality,
            risk_reduction=risk_reduction,
            job_size=job_size,
            moscow=moscow,
            severity=severity,
            found_in=found_in,
            fixed_in=fixed_in,
            criteria=criteria,
        )

        return item_create
