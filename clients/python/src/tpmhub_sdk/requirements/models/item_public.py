from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.item_public_moscow_type_0 import ItemPublicMoscowType0, check_item_public_moscow_type_0
from ..models.item_public_priority import ItemPublicPriority, check_item_public_priority
from ..models.item_public_severity_type_0 import ItemPublicSeverityType0, check_item_public_severity_type_0
from ..models.item_public_status import ItemPublicStatus, check_item_public_status
from ..models.item_public_type import ItemPublicType, check_item_public_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.acceptance_summary import AcceptanceSummary
    from ..models.code_reference import CodeReference
    from ..models.release_ref import ReleaseRef
    from ..models.roll_up import RollUp


T = TypeVar("T", bound="ItemPublic")


@_attrs_define
class ItemPublic:
    """A backlog item as the API returns it, with computed scores, acceptance summary and roll-up.

    Attributes:
        id (UUID):
        key (str):
        project_key (str):
        type_ (ItemPublicType):
        title (str):
        description (str):
        status (ItemPublicStatus):
        priority (ItemPublicPriority):
        labels (list[str]):
        assignee (None | str):
        points (float | None):
        iteration_id (None | UUID):
        milestone_id (None | UUID):
        prd_section_id (None | str):
        rank (str): Fractional rank key; lists sort by it with `sort=rank`.
        reach (int | None):
        impact (float | None):
        confidence (int | None):
        effort (float | None):
        rice_score (float | None): reach × impact × confidence% ÷ effort; null until all set.
        business_value (int | None):
        time_criticality (int | None):
        risk_reduction (int | None):
        job_size (int | None):
        wsjf_score (float | None): (value + time criticality + risk reduction) ÷ job size.
        moscow (ItemPublicMoscowType0 | None):
        severity (ItemPublicSeverityType0 | None):
        found_in (None | str):
        fixed_in (None | str):
        released_in (list[ReleaseRef]):
        references (list[CodeReference]):
        acceptance (AcceptanceSummary):
        rollup (RollUp): Totals over every descendant of the item (children, grandchildren, …).
        created_by (str):
        done_at (datetime.datetime | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        parent (None | str | Unset): Parent item key.
    """

    id: UUID
    key: str
    project_key: str
    type_: ItemPublicType
    title: str
    description: str
    status: ItemPublicStatus
    priority: ItemPublicPriority
    labels: list[str]
    assignee: None | str
    points: float | None
    iteration_id: None | UUID
    milestone_id: None | UUID
    prd_section_id: None | str
    rank: str
    reach: int | None
    impact: float | None
    confidence: int | None
    effort: float | None
    rice_score: float | None
    business_value: int | None
    time_criticality: int | None
    risk_reduction: int | None
    job_size: int | None
    wsjf_score: float | None
    moscow: ItemPublicMoscowType0 | None
    severity: ItemPublicSeverityType0 | None
    found_in: None | str
    fixed_in: None | str
    released_in: list[ReleaseRef]
    references: list[CodeReference]
    acceptance: AcceptanceSummary
    rollup: RollUp
    created_by: str
    done_at: datetime.datetime | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    parent: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        project_key = self.project_key

        type_: str = self.type_

        title = self.title

        description = self.description

        status: str = self.status

        priority: str = self.priority

        labels = self.labels

        assignee: None | str
        assignee = self.assignee

        points: float | None
        points = self.points

        iteration_id: None | str
        if isinstance(self.iteration_id, UUID):
            iteration_id = str(self.iteration_id)
        else:
            iteration_id = self.iteration_id

        milestone_id: None | str
        if isinstance(self.milestone_id, UUID):
            milestone_id = str(self.milestone_id)
        else:
            milestone_id = self.milestone_id

        prd_section_id: None | str
        prd_section_id = self.prd_section_id

        rank = self.rank

        reach: int | None
        reach = self.reach

        impact: float | None
        impact = self.impact

        confidence: int | None
        confidence = self.confidence

        effort: float | None
        effort = self.effort

        rice_score: float | None
        rice_score = self.rice_score

        business_value: int | None
        business_value = self.business_value

        time_criticality: int | None
        time_criticality = self.time_criticality

        risk_reduction: int | None
        risk_reduction = self.risk_reduction

        job_size: int | None
        job_size = self.job_size

        wsjf_score: float | None
        wsjf_score = self.wsjf_score

        moscow: None | str
        if isinstance(self.moscow, str):
            moscow = self.moscow
        else:
            moscow = self.moscow

        severity: None | str
        if isinstance(self.severity, str):
            severity = self.severity
        else:
            severity = self.severity

        found_in: None | str
        found_in = self.found_in

        fixed_in: None | str
        fixed_in = self.fixed_in

        released_in = []
        for released_in_item_data in self.released_in:
            released_in_item = released_in_item_data.to_dict()
            released_in.append(released_in_item)

        references = []
        for references_item_data in self.references:
            references_item = references_item_data.to_dict()
            references.append(references_item)

        acceptance = self.acceptance.to_dict()

        rollup = self.rollup.to_dict()

        created_by = self.created_by

        done_at: None | str
        if isinstance(self.done_at, datetime.datetime):
            done_at = self.done_at.isoformat()
        else:
            done_at = self.done_at

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        parent: None | str | Unset
        if isinstance(self.parent, Unset):
            parent = UNSET
        else:
            parent = self.parent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "project_key": project_key,
                "type": type_,
                "title": title,
                "description": description,
                "status": status,
                "priority": priority,
                "labels": labels,
                "assignee": assignee,
                "points": points,
                "iteration_id": iteration_id,
                "milestone_id": milestone_id,
                "prd_section_id": prd_section_id,
                "rank": rank,
                "reach": reach,
                "impact": impact,
                "confidence": confidence,
                "effort": effort,
                "rice_score": rice_score,
                "business_value": business_value,
                "time_criticality": time_criticality,
                "risk_reduction": risk_reduction,
                "job_size": job_size,
                "wsjf_score": wsjf_score,
                "moscow": moscow,
                "severity": severity,
                "found_in": found_in,
                "fixed_in": fixed_in,
                "released_in": released_in,
                "references": references,
                "acceptance": acceptance,
                "rollup": rollup,
                "created_by": created_by,
                "done_at": done_at,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if parent is not UNSET:
            field_dict["parent"] = parent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acceptance_summary import AcceptanceSummary  # noqa: PLC0415
        from ..models.code_reference import CodeReference  # noqa: PLC0415
        from ..models.release_ref import ReleaseRef  # noqa: PLC0415
        from ..models.roll_up import RollUp  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        project_key = d.pop("project_key")

        type_ = check_item_public_type(d.pop("type"))

        title = d.pop("title")

        description = d.pop("description")

        status = check_item_public_status(d.pop("status"))

        priority = check_item_public_priority(d.pop("priority"))

        labels = cast(list[str], d.pop("labels"))

        def _parse_assignee(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assignee = _parse_assignee(d.pop("assignee"))

        def _parse_points(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        points = _parse_points(d.pop("points"))

        def _parse_iteration_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                iteration_id_type_0 = UUID(data)

                return iteration_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        iteration_id = _parse_iteration_id(d.pop("iteration_id"))

        def _parse_milestone_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                milestone_id_type_0 = UUID(data)

                return milestone_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        milestone_id = _parse_milestone_id(d.pop("milestone_id"))

        def _parse_prd_section_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        prd_section_id = _parse_prd_section_id(d.pop("prd_section_id"))

        rank = d.pop("rank")

        def _parse_reach(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reach = _parse_reach(d.pop("reach"))

        def _parse_impact(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        impact = _parse_impact(d.pop("impact"))

        def _parse_confidence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        confidence = _parse_confidence(d.pop("confidence"))

        def _parse_effort(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        effort = _parse_effort(d.pop("effort"))

        def _parse_rice_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rice_score = _parse_rice_score(d.pop("rice_score"))

        def _parse_business_value(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        business_value = _parse_business_value(d.pop("business_value"))

        def _parse_time_criticality(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        time_criticality = _parse_time_criticality(d.pop("time_criticality"))

        def _parse_risk_reduction(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        risk_reduction = _parse_risk_reduction(d.pop("risk_reduction"))

        def _parse_job_size(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        job_size = _parse_job_size(d.pop("job_size"))

        def _parse_wsjf_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        wsjf_score = _parse_wsjf_score(d.pop("wsjf_score"))

        def _parse_moscow(data: object) -> ItemPublicMoscowType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                moscow_type_0 = check_item_public_moscow_type_0(data)

                return moscow_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemPublicMoscowType0 | None, data)

        moscow = _parse_moscow(d.pop("moscow"))

        def _parse_severity(data: object) -> ItemPublicSeverityType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                severity_type_0 = check_item_public_severity_type_0(data)

                return severity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemPublicSeverityType0 | None, data)

        severity = _parse_severity(d.pop("severity"))

        def _parse_found_in(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        found_in = _parse_found_in(d.pop("found_in"))

        def _parse_fixed_in(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fixed_in = _parse_fixed_in(d.pop("fixed_in"))

        released_in = []
        _released_in = d.pop("released_in")
        for released_in_item_data in _released_in:
            released_in_item = ReleaseRef.from_dict(released_in_item_data)

            released_in.append(released_in_item)

        references = []
        _references = d.pop("references")
        for references_item_data in _references:
            references_item = CodeReference.from_dict(references_item_data)

            references.append(references_item)

        acceptance = AcceptanceSummary.from_dict(d.pop("acceptance"))

        rollup = RollUp.from_dict(d.pop("rollup"))

        created_by = d.pop("created_by")

        def _parse_done_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_at_type_0 = datetime.datetime.fromisoformat(data)

                return done_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        done_at = _parse_done_at(d.pop("done_at"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_parent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent = _parse_parent(d.pop("parent", UNSET))

        item_public = cls(
            id=id,
            key=key,
            project_key=project_key,
            type_=type_,
            title=title,
            description=description,
            status=status,
            priority=priority,
            labels=labels,
            assignee=assignee,
            points=points,
            iteration_id=iteration_id,
            milestone_id=milestone_id,
            prd_section_id=prd_section_id,
            rank=rank,
            reach=reach,
            impact=impact,
            confidence=confidence,
            effort=effort,
            rice_score=rice_score,
            business_value=business_value,
            time_criticality=time_criticality,
            risk_reduction=risk_reduction,
            job_size=job_size,
            wsjf_score=wsjf_score,
            moscow=moscow,
            severity=severity,
            found_in=found_in,
            fixed_in=fixed_in,
            released_in=released_in,
            references=references,
            acceptance=acceptance,
            rollup=rollup,
            created_by=created_by,
            done_at=done_at,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            parent=parent,
        )

        item_public.additional_properties = d
        return item_public

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
