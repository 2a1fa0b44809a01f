from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RiskImpactQuery")


@_attrs_define
class RiskImpactQuery:
    """Risks a change to these items touches, and the requirement_change risk its approval would create
    (read-only). The numbers are those of the change's impact (the `change_request.approved` data).

        Attributes:
            project_key (str):
            change_request_id (None | Unset | UUID):
            item_keys (list[str] | Unset):
            points_delta (float | Unset):  Default: 0.0.
            date_delta_days (int | Unset):  Default: 0.
            affected_milestones (list[str] | Unset):
            criteria_to_reverify (int | Unset):  Default: 0.
    """

    project_key: str
    change_request_id: None | Unset | UUID = UNSET
    item_keys: list[str] | Unset = UNSET
    points_delta: float | Unset = 0.0
    date_delta_days: int | Unset = 0
    affected_milestones: list[str] | Unset = UNSET
    criteria_to_reverify: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        project_key = self.project_key

        change_request_id: None | str | Unset
        if isinstance(self.change_request_id, Unset):
            change_request_id = UNSET
        elif isinstance(self.change_request_id, UUID):
            change_request_id = str(self.change_request_id)
        else:
            change_request_id = self.change_request_id

        item_keys: list[str] | Unset = UNSET
        if not isinstance(self.item_keys, Unset):
            item_keys = self.item_keys

        points_delta = self.points_delta

        date_delta_days = self.date_delta_days

        affected_milestones: list[str] | Unset = UNSET
        if not isinstance(self.affected_milestones, Unset):
            affected_milestones = self.affected_milestones

        criteria_to_reverify = self.criteria_to_reverify

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "project_key": project_key,
            }
        )
        if change_request_id is not UNSET:
            field_dict["change_request_id"] = change_request_id
        if item_keys is not UNSET:
            field_dict["item_keys"] = item_keys
        if points_delta is not UNSET:
            field_dict["points_delta"] = points_delta
        if date_delta_days is not UNSET:
            field_dict["date_delta_days"] = date_delta_days
        if affected_milestones is not UNSET:
            field_dict["affected_milestones"] = affected_milestones
        if criteria_to_reverify is not UNSET:
            field_dict["criteria_to_reverify"] = criteria_to_reverify

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_key = d.pop("project_key")

        def _parse_change_request_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                change_request_id_type_0 = UUID(data)

                return change_request_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        change_request_id = _parse_change_request_id(d.pop("change_request_id", UNSET))

        item_keys = cast(list[str], d.pop("item_keys", UNSET))

        points_delta = d.pop("points_delta", UNSET)

        date_delta_days = d.pop("date_delta_days", UNSET)

        affected_milestones = cast(list[str], d.pop("affected_milestones", UNSET))

        criteria_to_reverify = d.pop("criteria_to_reverify", UNSET)

        risk_impact_query = cls(
            project_key=project_key,
            change_request_id=change_request_id,
            item_keys=item_keys,
            points_delta=points_delta,
            date_delta_days=date_delta_days,
            affected_milestones=affected_milestones,
            criteria_to_reverify=criteria_to_reverify,
        )

        return risk_impact_query
