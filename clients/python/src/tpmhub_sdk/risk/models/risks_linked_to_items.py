from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.risk_linked_to_items import RiskLinkedToItems


T = TypeVar("T", bound="RisksLinkedToItems")


@_attrs_define
class RisksLinkedToItems:
    """Risks of the project (open or closed) linked to any of the asked items, by key.

    Attributes:
        risks (list[RiskLinkedToItems]):
    """

    risks: list[RiskLinkedToItems]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        risks = []
        for risks_item_data in self.risks:
            risks_item = risks_item_data.to_dict()
            risks.append(risks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "risks": risks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.risk_linked_to_items import RiskLinkedToItems  # noqa: PLC0415

        d = dict(src_dict)
        risks = []
        _risks = d.pop("risks")
        for risks_item_data in _risks:
            risks_item = RiskLinkedToItems.from_dict(risks_item_data)

            risks.append(risks_item)

        risks_linked_to_items = cls(
            risks=risks,
        )

        risks_linked_to_items.additional_properties = d
        return risks_linked_to_items

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
