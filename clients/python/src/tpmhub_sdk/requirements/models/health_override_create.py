from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.health_override_create_status import (
    HealthOverrideCreateStatus,
    check_health_override_create_status,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="HealthOverrideCreate")


@_attrs_define
class HealthOverrideCreate:
    """Set the health by hand (pm or tpm). The note is mandatory: it says why the facts are not the story.

    Attributes:
        status (HealthOverrideCreateStatus):
        note (str):
        until (datetime.datetime | None | Unset): The override lapses at this time (UTC); open-ended when omitted.
    """

    status: HealthOverrideCreateStatus
    note: str
    until: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        note = self.note

        until: None | str | Unset
        if isinstance(self.until, Unset):
            until = UNSET
        elif isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "note": note,
            }
        )
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = check_health_override_create_status(d.pop("status"))

        note = d.pop("note")

        def _parse_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.datetime.fromisoformat(data)

                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        until = _parse_until(d.pop("until", UNSET))

        health_override_create = cls(
            status=status,
            note=note,
            until=until,
        )

        return health_override_create
