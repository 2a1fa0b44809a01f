from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.schedule_create_action import ScheduleCreateAction, check_schedule_create_action

T = TypeVar("T", bound="ScheduleCreate")


@_attrs_define
class ScheduleCreate:
    """Start or advance the rollout at a given time (run by the scheduler with the same rules as the action:
    operator, hold, gate). Refused inside a freeze window of the rollout's environment without an approved
    exception, when created and again when due.

        Attributes:
            action (ScheduleCreateAction):
            at (datetime.datetime): When to act (UTC; a time without offset is taken as UTC); in the future, at most a year
                ahead.
            reason (str):
    """

    action: ScheduleCreateAction
    at: datetime.datetime
    reason: str

    def to_dict(self) -> dict[str, Any]:
        action: str = self.action

        at = self.at.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "at": at,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = check_schedule_create_action(d.pop("action"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        reason = d.pop("reason")

        schedule_create = cls(
            action=action,
            at=at,
            reason=reason,
        )

        return schedule_create
