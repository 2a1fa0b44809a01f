from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.send_to_risk_category import SendToRiskCategory, check_send_to_risk_category
from ..types import UNSET, Unset

T = TypeVar("T", bound="SendToRisk")


@_attrs_define
class SendToRisk:
    """How the action item becomes a risk in risk-svc.

    Attributes:
        category (SendToRiskCategory | Unset):  Default: 'technical'.
        probability (int | Unset):  Default: 3.
        impact (int | Unset):  Default: 3.
    """

    category: SendToRiskCategory | Unset = "technical"
    probability: int | Unset = 3
    impact: int | Unset = 3

    def to_dict(self) -> dict[str, Any]:
        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category

        probability = self.probability

        impact = self.impact

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if category is not UNSET:
            field_dict["category"] = category
        if probability is not UNSET:
            field_dict["probability"] = probability
        if impact is not UNSET:
            field_dict["impact"] = impact

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _category = d.pop("category", UNSET)
        category: SendToRiskCategory | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = check_send_to_risk_category(_category)

        probability = d.pop("probability", UNSET)

        impact = d.pop("impact", UNSET)

        send_to_risk = cls(
            category=category,
            probability=probability,
            impact=impact,
        )

        return send_to_risk
