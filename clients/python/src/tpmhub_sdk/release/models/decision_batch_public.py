from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_batch_public_status import (
    DecisionBatchPublicStatus,
    check_decision_batch_public_status,
)
from ..models.decision_batch_public_unit_kind import (
    DecisionBatchPublicUnitKind,
    check_decision_batch_public_unit_kind,
)

if TYPE_CHECKING:
    from ..models.decision import Decision


T = TypeVar("T", bound="DecisionBatchPublic")


@_attrs_define
class DecisionBatchPublic:
    """
    Attributes:
        rollout_id (UUID):
        status (DecisionBatchPublicStatus):
        percent (int):
        unit_kind (DecisionBatchPublicUnitKind):
        group_id (str):
        decisions (list[Decision]):
        enabled_count (int): How many of the units are inside.
    """

    rollout_id: UUID
    status: DecisionBatchPublicStatus
    percent: int
    unit_kind: DecisionBatchPublicUnitKind
    group_id: str
    decisions: list[Decision]
    enabled_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rollout_id = str(self.rollout_id)

        status: str = self.status

        percent = self.percent

        unit_kind: str = self.unit_kind

        group_id = self.group_id

        decisions = []
        for decisions_item_data in self.decisions:
            decisions_item = decisions_item_data.to_dict()
            decisions.append(decisions_item)

        enabled_count = self.enabled_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rollout_id": rollout_id,
                "status": status,
                "percent": percent,
                "unit_kind": unit_kind,
                "group_id": group_id,
                "decisions": decisions,
                "enabled_count": enabled_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision import Decision  # noqa: PLC0415

        d = dict(src_dict)
        rollout_id = UUID(d.pop("rollout_id"))

        status = check_decision_batch_public_status(d.pop("status"))

        percent = d.pop("percent")

        unit_kind = check_decision_batch_public_unit_kind(d.pop("unit_kind"))

        group_id = d.pop("group_id")

        decisions = []
        _decisions = d.pop("decisions")
        for decisions_item_data in _decisions:
            decisions_item = Decision.from_dict(decisions_item_data)

            decisions.append(decisions_item)

        enabled_count = d.pop("enabled_count")

        decision_batch_public = cls(
            rollout_id=rollout_id,
            status=status,
            percent=percent,
            unit_kind=unit_kind,
            group_id=group_id,
            decisions=decisions,
            enabled_count=enabled_count,
        )

        decision_batch_public.additional_properties = d
        return decision_batch_public

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
