from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="OccurIn")


@_attrs_define
class OccurIn:
    """The risk happened: it becomes an issue and keeps its links.

    Attributes:
        occurred_at (datetime.datetime):
        description (str):
    """

    occurred_at: datetime.datetime
    description: str

    def to_dict(self) -> dict[str, Any]:
        occurred_at = self.occurred_at.isoformat()

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "occurred_at": occurred_at,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        description = d.pop("description")

        occur_in = cls(
            occurred_at=occurred_at,
            description=description,
        )

        return occur_in
