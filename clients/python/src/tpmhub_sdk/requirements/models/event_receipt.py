from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_receipt_status import EventReceiptStatus, check_event_receipt_status

T = TypeVar("T", bound="EventReceipt")


@_attrs_define
class EventReceipt:
    """What the receiver did with an event.

    Attributes:
        event_id (str):
        status (EventReceiptStatus): `processed`: handled now; `ignored`: no handler for this type here (recorded);
            `duplicate`: seen before, nothing done again.
    """

    event_id: str
    status: EventReceiptStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        status: str = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_id": event_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_id = d.pop("event_id")

        status = check_event_receipt_status(d.pop("status"))

        event_receipt = cls(
            event_id=event_id,
            status=status,
        )

        event_receipt.additional_properties = d
        return event_receipt

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
