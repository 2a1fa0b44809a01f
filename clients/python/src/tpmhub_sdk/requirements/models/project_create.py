from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectCreate")


@_attrs_define
class ProjectCreate:
    """A new project. The key prefixes every item (`PAY-42`) and risk (`PAY-R7`) and never changes.

    Attributes:
        key (str): 2–10 upper-case letters or digits, starting with a letter.
        name (str):
        background (str | Unset):  Default: ''.
        goals (list[str] | Unset):
        scope (str | Unset):  Default: ''.
        owner (None | str | Unset):
    """

    key: str
    name: str
    background: str | Unset = ""
    goals: list[str] | Unset = UNSET
    scope: str | Unset = ""
    owner: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        background = self.background

        goals: list[str] | Unset = UNSET
        if not isinstance(self.goals, Unset):
            goals = self.goals

        scope = self.scope

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "name": name,
            }
        )
        if background is not UNSET:
            field_dict["background"] = background
        if goals is not UNSET:
            field_dict["goals"] = goals
        if scope is not UNSET:
            field_dict["scope"] = scope
        if owner is not UNSET:
            field_dict["owner"] = owner

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        background = d.pop("background", UNSET)

        goals = cast(list[str], d.pop("goals", UNSET))

        scope = d.pop("scope", UNSET)

        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        project_create = cls(
            key=key,
            name=name,
            background=background,
            goals=goals,
            scope=scope,
            owner=owner,
        )

        return project_create
