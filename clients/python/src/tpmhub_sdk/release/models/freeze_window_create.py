from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FreezeWindowCreate")


@_attrs_define
class FreezeWindowCreate:
    """A period in which the project does not deploy; `environments` empty means every environment.

    Attributes:
        name (str):
        starts_at (datetime.datetime):
        ends_at (datetime.datetime):
        reason (str | Unset):  Default: ''.
        environments (list[str] | Unset): Project environments or their aliases (`prod` → `production`), stored as the
            canonical names; an unknown name is 422.
    """

    name: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    reason: str | Unset = ""
    environments: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        starts_at = self.starts_at.isoformat()

        ends_at = self.ends_at.isoformat()

        reason = self.reason

        environments: list[str] | Unset = UNSET
        if not isinstance(self.environments, Unset):
            environments = self.environments

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "starts_at": starts_at,
                "ends_at": ends_at,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if environments is not UNSET:
            field_dict["environments"] = environments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        reason = d.pop("reason", UNSET)

        environments = cast(list[str], d.pop("environments", UNSET))

        freeze_window_create = cls(
            name=name,
            starts_at=starts_at,
            ends_at=ends_at,
            reason=reason,
            environments=environments,
        )

        return freeze_window_create
