from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UnresolvedEscalation")


@_attrs_define
class UnresolvedEscalation:
    """
    Attributes:
        risk_key (str):
        title (str):
        level (str):
        trigger (str):
        reason (str):
        escalated_at (datetime.datetime):
        age_days (int): Whole days the escalation has been unresolved.
    """

    risk_key: str
    title: str
    level: str
    trigger: str
    reason: str
    escalated_at: datetime.datetime
    age_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        risk_key = self.risk_key

        title = self.title

        level = self.level

        trigger = self.trigger

        reason = self.reason

        escalated_at = self.escalated_at.isoformat()

        age_days = self.age_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "risk_key": risk_key,
                "title": title,
                "level": level,
                "trigger": trigger,
                "reason": reason,
                "escalated_at": escalated_at,
                "age_days": age_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        risk_key = d.pop("risk_key")

        title = d.pop("title")

        level = d.pop("level")

        trigger = d.pop("trigger")

        reason = d.pop("reason")

        escalated_at = datetime.datetime.fromisoformat(d.pop("escalated_at"))

        age_days = d.pop("age_days")

        unresolved_escalation = cls(
            risk_key=risk_key,
            title=title,
            level=level,
            trigger=trigger,
            reason=reason,
            escalated_at=escalated_at,
            age_days=age_days,
        )

        unresolved_escalation.additional_properties = d
        return unresolved_escalation

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
