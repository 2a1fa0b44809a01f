from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.freeze_exception_public_status import (
    FreezeExceptionPublicStatus,
    check_freeze_exception_public_status,
)

T = TypeVar("T", bound="FreezeExceptionPublic")


@_attrs_define
class FreezeExceptionPublic:
    """A request to deploy during a freeze; the gate lets the release through once approved.

    Attributes:
        id (UUID):
        release_id (UUID):
        freeze_window_id (UUID):
        project_key (str):
        reason (str):
        status (FreezeExceptionPublicStatus):
        requested_by (str):
        decided_by (None | str):
        decided_at (datetime.datetime | None):
        decision_note (str):
    """

    id: UUID
    release_id: UUID
    freeze_window_id: UUID
    project_key: str
    reason: str
    status: FreezeExceptionPublicStatus
    requested_by: str
    decided_by: None | str
    decided_at: datetime.datetime | None
    decision_note: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        release_id = str(self.release_id)

        freeze_window_id = str(self.freeze_window_id)

        project_key = self.project_key

        reason = self.reason

        status: str = self.status

        requested_by = self.requested_by

        decided_by: None | str
        decided_by = self.decided_by

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decision_note = self.decision_note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "release_id": release_id,
                "freeze_window_id": freeze_window_id,
                "project_key": project_key,
                "reason": reason,
                "status": status,
                "requested_by": requested_by,
                "decided_by": decided_by,
                "decided_at": decided_at,
                "decision_note": decision_note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        release_id = UUID(d.pop("release_id"))

        freeze_window_id = UUID(d.pop("freeze_window_id"))

        project_key = d.pop("project_key")

        reason = d.pop("reason")

        status = check_freeze_exception_public_status(d.pop("status"))

        requested_by = d.pop("requested_by")

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        decision_note = d.pop("decision_note")

        freeze_exception_public = cls(
            id=id,
            release_id=release_id,
            freeze_window_id=freeze_window_id,
            project_key=project_key,
            reason=reason,
            status=status,
            requested_by=requested_by,
            decided_by=decided_by,
            decided_at=decided_at,
            decision_note=decision_note,
        )

        freeze_exception_public.additional_properties = d
        return freeze_exception_public

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
