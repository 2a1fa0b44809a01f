from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RolloutProgress")


@_attrs_define
class RolloutProgress:
    """
    Attributes:
        id (UUID):
        release_id (UUID):
        version (str):
        status (str):
        current_stage (int): 0-based index into `stage_percents`.
        current_percent (int):
        stage_percents (list[int]):
        name (str | Unset):  Default: ''.
        operator (None | str | Unset): Operator of the current stage.
        started_at (datetime.datetime | None | Unset):
        pause_reason (None | str | Unset):
    """

    id: UUID
    release_id: UUID
    version: str
    status: str
    current_stage: int
    current_percent: int
    stage_percents: list[int]
    name: str | Unset = ""
    operator: None | str | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    pause_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        release_id = str(self.release_id)

        version = self.version

        status = self.status

        current_stage = self.current_stage

        current_percent = self.current_percent

        stage_percents = self.stage_percents

        name = self.name

        operator: None | str | Unset
        if isinstance(self.operator, Unset):
            operator = UNSET
        else:
            operator = self.operator

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        pause_reason: None | str | Unset
        if isinstance(self.pause_reason, Unset):
            pause_reason = UNSET
        else:
            pause_reason = self.pause_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "release_id": release_id,
                "version": version,
                "status": status,
                "current_stage": current_stage,
                "current_percent": current_percent,
                "stage_percents": stage_percents,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if operator is not UNSET:
            field_dict["operator"] = operator
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if pause_reason is not UNSET:
            field_dict["pause_reason"] = pause_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        release_id = UUID(d.pop("release_id"))

        version = d.pop("version")

        status = d.pop("status")

        current_stage = d.pop("current_stage")

        current_percent = d.pop("current_percent")

        stage_percents = cast(list[int], d.pop("stage_percents"))

        name = d.pop("name", UNSET)

        def _parse_operator(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        operator = _parse_operator(d.pop("operator", UNSET))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_pause_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pause_reason = _parse_pause_reason(d.pop("pause_reason", UNSET))

        rollout_progress = cls(
            id=id,
            release_id=release_id,
            version=version,
            status=status,
            current_stage=current_stage,
            current_percent=current_percent,
            stage_percents=stage_percents,
            name=name,
            operator=operator,
            started_at=started_at,
            pause_reason=pause_reason,
        )

        rollout_progress.additional_properties = d
        return rollout_progress

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
