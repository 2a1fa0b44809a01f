from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RiskLinkedToItems")


@_attrs_define
class RiskLinkedToItems:
    """
    Attributes:
        key (str):
        title (str):
        status (str):
        level (str):
        item_keys (list[str]): The asked items the risk is linked to.
    """

    key: str
    title: str
    status: str
    level: str
    item_keys: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        title = self.title

        status = self.status

        level = self.level

        item_keys = self.item_keys

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "title": title,
                "status": status,
                "level": level,
                "item_keys": item_keys,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        status = d.pop("status")

        level = d.pop("level")

        item_keys = cast(list[str], d.pop("item_keys"))

        risk_linked_to_items = cls(
            key=key,
            title=title,
            status=status,
            level=level,
            item_keys=item_keys,
        )

        risk_linked_to_items.additional_properties = d
        return risk_linked_to_items

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
