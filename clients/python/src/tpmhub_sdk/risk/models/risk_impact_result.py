from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.linked_risk import LinkedRisk
    from ..models.predicted_risk import PredictedRisk


T = TypeVar("T", bound="RiskImpactResult")


@_attrs_define
class RiskImpactResult:
    """
    Attributes:
        linked (list[LinkedRisk]): Risks (not closed) linked to the items.
        requirement_change_risk (PredictedRisk): The requirement_change risk risk-svc creates when the change is
            approved (or has created).
    """

    linked: list[LinkedRisk]
    requirement_change_risk: PredictedRisk
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        linked = []
        for linked_item_data in self.linked:
            linked_item = linked_item_data.to_dict()
            linked.append(linked_item)

        requirement_change_risk = self.requirement_change_risk.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "linked": linked,
                "requirement_change_risk": requirement_change_risk,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.linked_risk import LinkedRisk  # noqa: PLC0415
        from ..models.predicted_risk import PredictedRisk  # noqa: PLC0415

        d = dict(src_dict)
        linked = []
        _linked = d.pop("linked")
        for linked_item_data in _linked:
            linked_item = LinkedRisk.from_dict(linked_item_data)

            linked.append(linked_item)

        requirement_change_risk = PredictedRisk.from_dict(d.pop("requirement_change_risk"))

        risk_impact_result = cls(
            linked=linked,
            requirement_change_risk=requirement_change_risk,
        )

        risk_impact_result.additional_properties = d
        return risk_impact_result

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
