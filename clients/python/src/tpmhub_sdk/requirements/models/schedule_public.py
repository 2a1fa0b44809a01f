from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.schedule_public_cadence import SchedulePublicCadence, check_schedule_public_cadence
from ..models.schedule_public_weekday_type_0 import (
    SchedulePublicWeekdayType0,
    check_schedule_public_weekday_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SchedulePublic")


@_attrs_define
class SchedulePublic:
    """
    Attributes:
        id (UUID):
        project_key (str):
        cadence (SchedulePublicCadence):
        time (str):
        timezone (str):
        enabled (bool):
        created_by (str):
        version (int):
        created_at (datetime.datetime):
        next_run_at (datetime.datetime | None): The next time this schedule posts (UTC).
        weekday (None | SchedulePublicWeekdayType0 | Unset):
    """

    id: UUID
    project_key: str
    cadence: SchedulePublicCadence
    time: str
    timezone: str
    enabled: bool
    created_by: str
    version: int
    created_at: datetime.datetime
    next_run_at: datetime.datetime | None
    weekday: None | SchedulePublicWeekdayType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_key = self.project_key

        cadence: str = self.cadence

        time = self.time

        timezone = self.timezone

        enabled = self.enabled

        created_by = self.created_by

        version = self.version

        created_at = self.created_at.isoformat()

        next_run_at: None | str
        if isinstance(self.next_run_at, datetime.datetime):
            next_run_at = self.next_run_at.isoformat()
        else:
            next_run_at = self.next_run_at

        weekday: None | str | Unset
        if isinstance(self.weekday, Unset):
            weekday = UNSET
        elif isinstance(self.weekday, str):
            weekday = self.weekday
        else:
            weekday = self.weekday

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_key": project_key,
                "cadence": cadence,
                "time": time,
                "timezone": timezone,
                "enabled": enabled,
                "created_by": created_by,
                "version": version,
                "created_at": created_at,
                "next_run_at": next_run_at,
            }
        )
        if weekday is not UNSET:
            field_dict["weekday"] = weekday

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_key = d.pop("project_key")

        cadence = check_schedule_public_cadence(d.pop("cadence"))

        time = d.pop("time")

        timezone = d.pop("timezone")

        enabled = d.pop("enabled")

        created_by = d.pop("created_by")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_next_run_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_run_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_run_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_run_at = _parse_next_run_at(d.pop("next_run_at"))

        def _parse_weekday(data: object) -> None | SchedulePublicWeekdayType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                weekday_type_0 = check_schedule_public_weekday_type_0(data)

                return weekday_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SchedulePublicWeekdayType0 | Unset, data)

        weekday = _parse_weekday(d.pop("weekday", UNSET))

        schedule_public = cls(
            id=id,
            project_key=project_key,
            cadence=cadence,
            time=time,
            timezone=timezone,
            enabled=enabled,
            created_by=created_by,
            version=version,
            created_at=created_at,
            next_run_at=next_run_at,
            weekday=weekday,
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
