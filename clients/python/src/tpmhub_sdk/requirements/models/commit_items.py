from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="CommitItems")


@_attrs_define
class CommitItems:
    """Items to commit to the iteration (they leave any other open iteration).

    Attributes:
        items (list[str]):
    """

    items: list[str]

    def to_dict(self) -> dict[str, Any]:
        items = self.items

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        items = cast(list[str], d.pop("items"))

        commit_items = cls(
            items=items,
        )

        return commit_items
