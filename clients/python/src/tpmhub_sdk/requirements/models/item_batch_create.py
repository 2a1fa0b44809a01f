from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.batch_row import BatchRow


T = TypeVar("T", bound="ItemBatchCreate")


@_attrs_define
class ItemBatchCreate:
    """Up to 500 items created in one all-or-nothing transaction; `parent` may name an item earlier in the
    batch as `#<row>` (0-based), e.g. `#0`.

        Attributes:
            items (list[BatchRow]):
    """

    items: list[BatchRow]

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_row import BatchRow  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = BatchRow.from_dict(items_item_data)

            items.append(items_item)

        item_batch_create = cls(
            items=items,
        )

        return item_batch_create
