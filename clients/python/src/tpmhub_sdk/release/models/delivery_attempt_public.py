from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeliveryAttemptPublic")


@_attrs_define
class DeliveryAttemptPublic:
    """One attempt to deliver one event to one subscriber.

    Attributes:
        id (UUID):
        delivery_id (UUID):
        event_id (UUID):
        event_type (str):
        attempt (int):
        at (datetime.datetime):
        success (bool):
        duration_ms (float):
        status_code (int | None | Unset):
        response_excerpt (None | str | Unset):
        error (None | str | Unset):
    """

    id: UUID
    delivery_id: UUID
    event_id: UUID
    event_type: str
    attempt: int
    at: datetime.datetime
    success: bool
    duration_ms: float
    status_code: int | None | Unset = UNSET
    response_excerpt: None | str | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        delivery_id = str(self.delivery_id)

        event_id = str(self.event_id)

        event_type = self.event_type

        attempt = self.attempt

        at = self.at.isoformat()

        success = self.success

        duration_ms = self.duration_ms

        status_code: int | None | Unset
        if isinstance(self.status_code, Unset):
            status_code = UNSET
        else:
            status_code = self.status_code

        response_excerpt: None | str | Unset
        if isinstance(self.response_excerpt, Unset):
            response_excerpt = UNSET
        else:
            response_excerpt = self.response_excerpt

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "delivery_id": delivery_id,
                "event_id": event_id,
                "event_type": event_type,
                "attempt": attempt,
                "at": at,
                "success": success,
                "duration_ms": duration_ms,
            }
        )
        if status_code is not UNSET:
            field_dict["status_code"] = status_code
        if response_excerpt is not UNSET:
            field_dict["response_excerpt"] = response_excerpt
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        delivery_id = UUID(d.pop("delivery_id"))

        event_id = UUID(d.pop("event_id"))

        event_type = d.pop("event_type")

        attempt = d.pop("attempt")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        success = d.pop("success")

        duration_ms = d.pop("duration_ms")

        def _parse_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        status_code = _parse_status_code(d.pop("status_code", UNSET))

        def _parse_response_excerpt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response_excerpt = _parse_response_excerpt(d.pop("response_excerpt", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        delivery_attempt_public = cls(
            id=id,
            delivery_id=delivery_id,
            event_id=event_id,
            event_type=event_type,
            attempt=attempt,
            at=at,
            success=success,
            duration_ms=duration_ms,
            status_code=status_code,
            response_excerpt=response_excerpt,
            error=error,
        )

        delivery_attempt_public.additional_properties = d
        return delivery_attempt_public

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
