from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_public_status import DecisionPublicStatus, check_decision_public_status
from ..models.decision_public_unit_kind import DecisionPublicUnitKind, check_decision_public_unit_kind

T = TypeVar("T", bound="DecisionPublic")


@_attrs_define
class DecisionPublic:
    """
    Attributes:
        unit (str):
        bucket (int): Unleash-normalized hash of `group_id:unit` (1–100).
        enabled (bool): The unit is inside: bucket ≤ the current percent.
        rollout_id (UUID):
        status (DecisionPublicStatus):
        percent (int): Share exposed now.
        unit_kind (DecisionPublicUnitKind):
        group_id (str):
    """

    unit: str
    bucket: int
    enabled: bool
    rollout_id: UUID
    status: DecisionPublicStatus
    percent: int
    unit_kind: DecisionPublicUnitKind
    group_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unit = self.unit

        bucket = self.bucket

        enabled = self.enabled

        rollout_id = str(self.rollout_id)

        status: str = self.status

        percent = self.percent

        unit_kind: str = self.unit_kind

        group_id = self.group_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unit": unit,
                "bucket": bucket,
                "enabled": enabled,
                "rollout_id": rollout_id,
                "status": status,
                "percent": percent,
                "unit_kind": unit_kind,
                "group_id": group_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unit = d.pop("unit")

        bucket = d.pop("bucket")

        enabled = d.pop("enabled")

        rollout_id = UUID(d.pop("rollout_id"))

        status = check_decision_public_status(d.pop("status"))

        percent = d.pop("percent")

        unit_kind = check_decision_public_unit_kind(d.pop("unit_kind"))

        group_id = d.pop("group_id")

        decision_public = cls(
            unit=unit,
            bucket=bucket,
            enabled=enabled,
            rollout_id=rollout_id,
            status=status,
            percent=percent,
            unit_kind=unit_kind,
            group_id=group_id,
        )

        decision_public.additional_properties = d
        return decision_public

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
