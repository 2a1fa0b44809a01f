from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_public_period_kind import DeliveryPublicPeriodKind, check_delivery_public_period_kind

T = TypeVar("T", bound="DeliveryPublic")


@_attrs_define
class DeliveryPublic:
    """
    Attributes:
        id (UUID):
        schedule_id (UUID):
        period_kind (DeliveryPublicPeriodKind):
        period_start (datetime.date):
        event_id (UUID): The `report.scheduled` event queued in the outbox.
        created_at (datetime.datetime):
    """

    id: UUID
    schedule_id: UUID
    period_kind: DeliveryPublicPeriodKind
    period_start: datetime.date
    event_id: UUID
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        schedule_id = str(self.schedule_id)

        period_kind: str = self.period_kind

        period_start = self.period_start.isoformat()

        event_id = str(self.event_id)

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "schedule_id": schedule_id,
                "period_kind": period_kind,
                "period_start": period_start,
                "event_id": event_id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        schedule_id = UUID(d.pop("schedule_id"))

        period_kind = check_delivery_public_period_kind(d.pop("period_kind"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        event_id = UUID(d.pop("event_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        delivery_public = cls(
            id=id,
            schedule_id=schedule_id,
            period_kind=period_kind,
            period_start=period_start,
            event_id=event_id,
            created_at=created_at,
        )

        delivery_public.additional_properties = d
        return delivery_public

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
