from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.item_ref import ItemRef


T = TypeVar("T", bound="ItemCount")


@_attrs_define
class ItemCount:
    """
    Attributes:
        count (int):
        points (float):
        items (list[ItemRef]): The first 20.
    """

    count: int
    points: float
    items: list[ItemRef]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        points = self.points

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "points": points,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_ref import ItemRef  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        points = d.pop("points")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ItemRef.from_dict(items_item_data)

            items.append(items_item)

        item_count = cls(
            count=count,
            points=points,
            items=items,
        )

        item_count.additional_properties = d
        return item_count

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
