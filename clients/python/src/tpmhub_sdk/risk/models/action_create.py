from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionCreate")


@_attrs_define
class ActionCreate:
    """A mitigation action of a risk.

    Attributes:
        title (str):
        owner (str):
        due_date (datetime.date):
        description (str | Unset):  Default: ''.
    """

    title: str
    owner: str
    due_date: datetime.date
    description: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        owner = self.owner

        due_date = self.due_date.isoformat()

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "owner": owner,
                "due_date": due_date,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        owner = d.pop("owner")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        description = d.pop("description", UNSET)

        action_create = cls(
            title=title,
            owner=owner,
            due_date=due_date,
            description=description,
        )

        return action_create
