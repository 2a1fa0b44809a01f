from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.schedule_public_action import SchedulePublicAction, check_schedule_public_action
from ..models.schedule_public_status import SchedulePublicStatus, check_schedule_public_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.schedule_public_failure_type_0 import SchedulePublicFailureType0


T = TypeVar("T", bound="SchedulePublic")


@_attrs_define
class SchedulePublic:
    """A planned action and what became of it.

    Attributes:
        id (UUID):
        rollout_id (UUID):
        project_key (str):
        action (SchedulePublicAction):
        at (datetime.datetime):
        reason (str):
        status (SchedulePublicStatus): pending until due; running while the scheduler acts; done, failed (see
            `failure_reason`) or cancelled.
        created_by (str):
        created_at (datetime.datetime):
        revision (int): Optimistic-concurrency counter.
        executed_at (datetime.datetime | None | Unset):
        failure_reason (None | str | Unset):
        failure (None | SchedulePublicFailureType0 | Unset): The problem the action answered with (type, title, status,
            detail, …).
        cancelled_by (None | str | Unset):
        cancelled_at (datetime.datetime | None | Unset):
    """

    id: UUID
    rollout_id: UUID
    project_key: str
    action: SchedulePublicAction
    at: datetime.datetime
    reason: str
    status: SchedulePublicStatus
    created_by: str
    created_at: datetime.datetime
    revision: int
    executed_at: datetime.datetime | None | Unset = UNSET
    failure_reason: None | str | Unset = UNSET
    failure: None | SchedulePublicFailureType0 | Unset = UNSET
    cancelled_by: None | str | Unset = UNSET
    cancelled_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.schedule_public_failure_type_0 import SchedulePublicFailureType0  # noqa: PLC0415

        id = str(self.id)

        rollout_id = str(self.rollout_id)

        project_key = self.project_key

        action: str = self.action

        at = self.at.isoformat()

        reason = self.reason

        status: str = self.status

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        revision = self.revision

        executed_at: None | str | Unset
        if isinstance(self.executed_at, Unset):
            executed_at = UNSET
        elif isinstance(self.executed_at, datetime.datetime):
            executed_at = self.executed_at.isoformat()
        else:
            executed_at = self.executed_at

        failure_reason: None | str | Unset
        if isinstance(self.failure_reason, Unset):
            failure_reason = UNSET
        else:
            failure_reason = self.failure_reason

        failure: dict[str, Any] | None | Unset
        if isinstance(self.failure, Unset):
            failure = UNSET
        elif isinstance(self.failure, SchedulePublicFailureType0):
            failure = self.failure.to_dict()
        else:
            failure = self.failure

        cancelled_by: None | str | Unset
        if isinstance(self.cancelled_by, Unset):
            cancelled_by = UNSET
        else:
            cancelled_by = self.cancelled_by

        cancelled_at: None | str | Unset
        if isinstance(self.cancelled_at, Unset):
            cancelled_at = UNSET
        elif isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "rollout_id": rollout_id,
                "project_key": project_key,
                "action": action,
                "at": at,
                "reason": reason,
                "status": status,
                "created_by": created_by,
                "created_at": created_at,
                "revision": revision,
            }
        )
        if executed_at is not UNSET:
            field_dict["executed_at"] = executed_at
        if failure_reason is not UNSET:
            field_dict["failure_reason"] = failure_reason
        if failure is not UNSET:
            field_dict["failure"] = failure
        if cancelled_by is not UNSET:
            field_dict["cancelled_by"] = cancelled_by
        if cancelled_at is not UNSET:
            field_dict["cancelled_at"] = cancelled_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.schedule_public_failure_type_0 import SchedulePublicFailureType0  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        rollout_id = UUID(d.pop("rollout_id"))

        project_key = d.pop("project_key")

        action = check_schedule_public_action(d.pop("action"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        reason = d.pop("reason")

        status = check_schedule_public_status(d.pop("status"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        revision = d.pop("revision")

        def _parse_executed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                executed_at_type_0 = datetime.datetime.fromisoformat(data)

                return executed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        executed_at = _parse_executed_at(d.pop("executed_at", UNSET))

        def _parse_failure_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason", UNSET))

        def _parse_failure(data: object) -> None | SchedulePublicFailureType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                failure_type_0 = SchedulePublicFailureType0.from_dict(data)

                return failure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SchedulePublicFailureType0 | Unset, data)

        failure = _parse_failure(d.pop("failure", UNSET))

        def _parse_cancelled_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancelled_by = _parse_cancelled_by(d.pop("cancelled_by", UNSET))

        def _parse_cancelled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)

                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at", UNSET))

        schedule_public = cls(
            id=id,
            rollout_id=rollout_id,
            project_key=project_key,
            action=action,
            at=at,
            reason=reason,
            status=status,
            created_by=created_by,
            created_at=created_at,
            revision=revision,
            executed_at=executed_at,
            failure_reason=failure_reason,
            failure=failure,
            cancelled_by=cancelled_by,
            cancelled_at=cancelled_at,
        )

        schedule_public.additional_properties = d
        return schedule_public

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
