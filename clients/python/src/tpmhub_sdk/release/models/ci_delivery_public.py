from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CiDeliveryPublic")


@_attrs_define
class CiDeliveryPublic:
    """A webhook delivery TPM Hub accepted.

    Attributes:
        id (UUID):
        provider (str):
        delivery_id (str):
        source_id (None | UUID):
        event (str):
        action (None | str):
        status (str):
        summary (str):
        received_at (datetime.datetime):
    """

    id: UUID
    provider: str
    delivery_id: str
    source_id: None | UUID
    event: str
    action: None | str
    status: str
    summary: str
    received_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        provider = self.provider

        delivery_id = self.delivery_id

        source_id: None | str
        if isinstance(self.source_id, UUID):
            source_id = str(self.source_id)
        else:
            source_id = self.source_id

        event = self.event

        action: None | str
        action = self.action

        status = self.status

        summary = self.summary

        received_at = self.received_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "provider": provider,
                "delivery_id": delivery_id,
                "source_id": source_id,
                "event": event,
                "action": action,
                "status": status,
                "summary": summary,
                "received_at": received_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        provider = d.pop("provider")

        delivery_id = d.pop("delivery_id")

        def _parse_source_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_id_type_0 = UUID(data)

                return source_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        source_id = _parse_source_id(d.pop("source_id"))

        event = d.pop("event")

        def _parse_action(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        action = _parse_action(d.pop("action"))

        status = d.pop("status")

        summary = d.pop("summary")

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        ci_delivery_public = cls(
            id=id,
            provider=provider,
            delivery_id=delivery_id,
            source_id=source_id,
            event=event,
            action=action,
            status=status,
            summary=summary,
            received_at=received_at,
        )

        ci_delivery_public.additional_properties = d
        return ci_delivery_public

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
