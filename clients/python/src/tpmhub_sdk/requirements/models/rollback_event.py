from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RollbackEvent")


@_attrs_define
class RollbackEvent:
    """
    Attributes:
        release_id (UUID):
        version (str):
        at (datetime.datetime):
        rollout_id (None | Unset | UUID):
        reason (None | str | Unset):
    """

    release_id: UUID
    version: str
    at: datetime.datetime
    rollout_id: None | Unset | UUID = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        release_id = str(self.release_id)

        version = self.version

        at = self.at.isoformat()

        rollout_id: None | str | Unset
        if isinstance(self.rollout_id, Unset):
            rollout_id = UNSET
        elif isinstance(self.rollout_id, UUID):
            rollout_id = str(self.rollout_id)
        else:
            rollout_id = self.rollout_id

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "release_id": release_id,
                "version": version,
                "at": at,
            }
        )
        if rollout_id is not UNSET:
            field_dict["rollout_id"] = rollout_id
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        release_id = UUID(d.pop("release_id"))

        version = d.pop("version")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_rollout_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rollout_id_type_0 = UUID(data)

                return rollout_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        rollout_id = _parse_rollout_id(d.pop("rollout_id", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        rollback_event = cls(
            release_id=release_id,
            version=version,
            at=at,
            rollout_id=rollout_id,
            reason=reason,
        )

        rollback_event.additional_properties = d
        return rollback_event

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
