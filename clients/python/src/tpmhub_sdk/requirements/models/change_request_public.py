from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_request_public_status import (
    ChangeRequestPublicStatus,
    check_change_request_public_status,
)

if TYPE_CHECKING:
    from ..models.impact import Impact
    from ..models.item_patches import ItemPatches


T = TypeVar("T", bound="ChangeRequestPublic")


@_attrs_define
class ChangeRequestPublic:
    """A change request and its computed impact.

    Attributes:
        id (UUID):
        key (str):
        project_key (str):
        title (str):
        reason (str):
        requester (str):
        proposed_change (str):
        affected_items (list[str]):
        affected_prd_sections (list[str]):
        item_patches (ItemPatches):
        effort_delta_points (float):
        date_delta_days (int):
        impact (Impact): What the change touches, computed by the service: items, effort, dates and milestones here;
            releases (release-svc) and risks (risk-svc) asked with one call each, concurrently. A part whose
            service did not answer is listed in `unknown` and the impact is not `complete`.
        status (ChangeRequestPublicStatus):
        decided_by (None | str):
        decided_at (datetime.datetime | None):
        decision_comment (None | str):
        applied_by (None | str):
        applied_at (datetime.datetime | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    key: str
    project_key: str
    title: str
    reason: str
    requester: str
    proposed_change: str
    affected_items: list[str]
    affected_prd_sections: list[str]
    item_patches: ItemPatches
    effort_delta_points: float
    date_delta_days: int
    impact: Impact
    status: ChangeRequestPublicStatus
    decided_by: None | str
    decided_at: datetime.datetime | None
    decision_comment: None | str
    applied_by: None | str
    applied_at: datetime.datetime | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        project_key = self.project_key

        title = self.title

        reason = self.reason

        requester = self.requester

        proposed_change = self.proposed_change

        affected_items = self.affected_items

        affected_prd_sections = self.affected_prd_sections

        item_patches = self.item_patches.to_dict()

        effort_delta_points = self.effort_delta_points

        date_delta_days = self.date_delta_days

        impact = self.impact.to_dict()

        status: str = self.status

        decided_by: None | str
        decided_by = self.decided_by

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decision_comment: None | str
        decision_comment = self.decision_comment

        applied_by: None | str
        applied_by = self.applied_by

        applied_at: None | str
        if isinstance(self.applied_at, datetime.datetime):
            applied_at = self.applied_at.isoformat()
        else:
            applied_at = self.applied_at

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "project_key": project_key,
                "title": title,
                "reason": reason,
                "requester": requester,
                "proposed_change": proposed_change,
                "affected_items": affected_items,
                "affected_prd_sections": affected_prd_sections,
                "item_patches": item_patches,
                "effort_delta_points": effort_delta_points,
                "date_delta_days": date_delta_days,
                "impact": impact,
                "status": status,
                "decided_by": decided_by,
                "decided_at": decided_at,
                "decision_comment": decision_comment,
                "applied_by": applied_by,
                "applied_at": applied_at,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.impact import Impact  # noqa: PLC0415
        from ..models.item_patches import ItemPatches  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        project_key = d.pop("project_key")

        title = d.pop("title")

        reason = d.pop("reason")

        requester = d.pop("requester")

        proposed_change = d.pop("proposed_change")

        affected_items = cast(list[str], d.pop("affected_items"))

        affected_prd_sections = cast(list[str], d.pop("affected_prd_sections"))

        item_patches = ItemPatches.from_dict(d.pop("item_patches"))

        effort_delta_points = d.pop("effort_delta_points")

        date_delta_days = d.pop("date_delta_days")

        impact = Impact.from_dict(d.pop("impact"))

        status = check_change_request_public_status(d.pop("status"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_decision_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_comment = _parse_decision_comment(d.pop("decision_comment"))

        def _parse_applied_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        applied_by = _parse_applied_by(d.pop("applied_by"))

        def _parse_applied_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                applied_at_type_0 = datetime.datetime.fromisoformat(data)

                return applied_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        applied_at = _parse_applied_at(d.pop("applied_at"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        change_request_public = cls(
            id=id,
            key=key,
            project_key=project_key,
            title=title,
            reason=reason,
            requester=requester,
            proposed_change=proposed_change,
            affected_items=affected_items,
            affected_prd_sections=affected_prd_sections,
            item_patches=item_patches,
            effort_delta_points=effort_delta_points,
            date_delta_days=date_delta_days,
            impact=impact,
            status=status,
            decided_by=decided_by,
            decided_at=decided_at,
            decision_comment=decision_comment,
            applied_by=applied_by,
            applied_at=applied_at,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        change_request_public.additional_properties = d
        return change_request_public

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
