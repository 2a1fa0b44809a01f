from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.escalation_public_level import EscalationPublicLevel, check_escalation_public_level
from ..models.escalation_public_trigger import EscalationPublicTrigger, check_escalation_public_trigger

T = TypeVar("T", bound="EscalationPublic")


@_attrs_define
class EscalationPublic:
    """
    Attributes:
        id (UUID):
        trigger (EscalationPublicTrigger):
        reason (str):
        level (EscalationPublicLevel):
        escalated_by (str):
        escalated_at (datetime.datetime):
        resolved_at (datetime.datetime | None):
        resolved_by (None | str):
        resolve_reason (None | str):
    """

    id: UUID
    trigger: EscalationPublicTrigger
    reason: str
    level: EscalationPublicLevel
    escalated_by: str
    escalated_at: datetime.datetime
    resolved_at: datetime.datetime | None
    resolved_by: None | str
    resolve_reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        trigger: str = self.trigger

        reason = self.reason

        level: str = self.level

        escalated_by = self.escalated_by

        escalated_at = self.escalated_at.isoformat()

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        resolved_by: None | str
        resolved_by = self.resolved_by

        resolve_reason: None | str
        resolve_reason = self.resolve_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "trigger": trigger,
                "reason": reason,
                "level": level,
                "escalated_by": escalated_by,
                "escalated_at": escalated_at,
                "resolved_at": resolved_at,
                "resolved_by": resolved_by,
                "resolve_reason": resolve_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        trigger = check_escalation_public_trigger(d.pop("trigger"))

        reason = d.pop("reason")

        level = check_escalation_public_level(d.pop("level"))

        escalated_by = d.pop("escalated_by")

        escalated_at = datetime.datetime.fromisoformat(d.pop("escalated_at"))

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))

        def _parse_resolved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolved_by = _parse_resolved_by(d.pop("resolved_by"))

        def _parse_resolve_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolve_reason = _parse_resolve_reason(d.pop("resolve_reason"))

        escalation_public = cls(
            id=id,
            trigger=trigger,
            reason=reason,
            level=level,
            escalated_by=escalated_by,
            escalated_at=escalated_at,
            resolved_at=resolved_at,
            resolved_by=resolved_by,
            resolve_reason=resolve_reason,
        )

        escalation_public.additional_properties = d
        return escalation_public

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
