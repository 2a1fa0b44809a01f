from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LinkedRisk")


@_attrs_define
class LinkedRisk:
    """A risk of the project linked to some of the items.

    Attributes:
        key (str):
        title (str):
        level (str):
        score (int):
        status (str):
        linked_items (list[str]):
    """

    key: str
    title: str
    level: str
    score: int
    status: str
    linked_items: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        title = self.title

        level = self.level

        score = self.score

        status = self.status

        linked_items = self.linked_items

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "title": title,
                "level": level,
                "score": score,
                "status": status,
                "linked_items": linked_items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        level = d.pop("level")

        score = d.pop("score")

        status = d.pop("status")

        linked_items = cast(list[str], d.pop("linked_items"))

        linked_risk = cls(
            key=key,
            title=title,
            level=level,
            score=score,
            status=status,
            linked_items=linked_items,
        )

        linked_risk.additional_properties = d
        return linked_risk

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
