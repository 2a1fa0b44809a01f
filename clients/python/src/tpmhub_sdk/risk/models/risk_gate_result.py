from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.blocking_risk import BlockingRisk


T = TypeVar("T", bound="RiskGateResult")


@_attrs_define
class RiskGateResult:
    """
    Attributes:
        gate_level (str):
        blocking (list[BlockingRisk]):
    """

    gate_level: str
    blocking: list[BlockingRisk]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gate_level = self.gate_level

        blocking = []
        for blocking_item_data in self.blocking:
            blocking_item = blocking_item_data.to_dict()
            blocking.append(blocking_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "gate_level": gate_level,
                "blocking": blocking,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.blocking_risk import BlockingRisk  # noqa: PLC0415

        d = dict(src_dict)
        gate_level = d.pop("gate_level")

        blocking = []
        _blocking = d.pop("blocking")
        for blocking_item_data in _blocking:
            blocking_item = BlockingRisk.from_dict(blocking_item_data)

            blocking.append(blocking_item)

        risk_gate_result = cls(
            gate_level=gate_level,
            blocking=blocking,
        )

        risk_gate_result.additional_properties = d
        return risk_gate_result

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
