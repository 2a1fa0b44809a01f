from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.schedule_create_cadence import ScheduleCreateCadence, check_schedule_create_cadence
from ..models.schedule_create_weekday_type_0 import (
    ScheduleCreateWeekdayType0,
    check_schedule_create_weekday_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ScheduleCreate")


@_attrs_define
class ScheduleCreate:
    """Post the project's report to its webhook subscriptions (chat) every day or every week at a local time.
    Daily posts the report of the local day; weekly posts the report of the week containing that day.

        Attributes:
            cadence (ScheduleCreateCadence):
            time (str): Local time HH:MM (24 h).
            timezone (str): IANA time zone.
            weekday (None | ScheduleCreateWeekdayType0 | Unset): Weekly only: the day to post.
            enabled (bool | Unset):  Default: True.
    """

    cadence: ScheduleCreateCadence
    time: str
    timezone: str
    weekday: None | ScheduleCreateWeekdayType0 | Unset = UNSET
    enabled: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        cadence: str = self.cadence

        time = self.time

        timezone = self.timezone

        weekday: None | str | Unset
        if isinstance(self.weekday, Unset):
            weekday = UNSET
        elif isinstance(self.weekday, str):
            weekday = self.weekday
        else:
            weekday = self.weekday

        enabled = self.enabled

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cadence": cadence,
                "time": time,
                "timezone": timezone,
            }
        )
        if weekday is not UNSET:
            field_dict["weekday"] = weekday
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cadence = check_schedule_create_cadence(d.pop("cadence"))

        time = d.pop("time")

        timezone = d.pop("timezone")

        def _parse_weekday(data: object) -> None | ScheduleCreateWeekdayType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                weekday_type_0 = check_schedule_create_weekday_type_0(data)

                return weekday_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScheduleCreateWeekdayType0 | Unset, data)

        weekday = _parse_weekday(d.pop("weekday", UNSET))

        enabled = d.pop("enabled", UNSET)

        schedule_create = cls(
            cadence=cadence,
            time=time,
            timezone=timezone,
            weekday=weekday,
            enabled=enabled,
        )

        return schedule_create
