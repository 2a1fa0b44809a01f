from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChecklistItemCreate")


@_attrs_define
class ChecklistItemCreate:
    """An extra checklist item for one release.

    Attributes:
        title (str):
        owner (None | str | Unset):
        code (None | str | Unset):
    """

    title: str
    owner: None | str | Unset = UNSET
    code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if owner is not UNSET:
            field_dict["owner"] = owner
        if code is not UNSET:
            field_dict["code"] = code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        checklist_item_create = cls(
            title=title,
            owner=owner,
            code=code,
        )

        return checklist_item_create
