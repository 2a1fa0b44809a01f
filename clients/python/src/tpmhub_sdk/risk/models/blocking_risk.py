from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BlockingRisk")


@_attrs_define
class BlockingRisk:
    """
    Attributes:
        key (str):
        title (str):
        level (str):
        score (int):
        status (str):
        reason (str):
        linked_items (list[str] | Unset):
    """

    key: str
    title: str
    level: str
    score: int
    status: str
    reason: str
    linked_items: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        title = self.title

        level = self.level

        score = self.score

        status = self.status

        reason = self.reason

        linked_items: list[str] | Unset = UNSET
        if not isinstance(self.linked_items, Unset):
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
                "reason": reason,
            }
        )
        if linked_items is not UNSET:
            field_dict["linked_items"] = linked_items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        level = d.pop("level")

        score = d.pop("score")

        status = d.pop("status")

        reason = d.pop("reason")

        linked_items = cast(list[str], d.pop("linked_items", UNSET))

        blocking_risk = cls(
            key=key,
            title=title,
            level=level,
            score=score,
            status=status,
            reason=reason,
            linked_items=linked_items,
        )

        blocking_risk.additional_properties = d
        return blocking_risk

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
