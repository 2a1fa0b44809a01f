from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PredictedRisk")


@_attrs_define
class PredictedRisk:
    """The requirement_change risk risk-svc creates when the change is approved (or has created).

    Attributes:
        probability (int):
        impact (int):
        score (int):
        level (str):
        linked_items (list[str]): Items the risk is linked to (those of the project).
        category (str | Unset):  Default: 'requirement_change'.
        existing_key (None | str | Unset): Set when risk-svc already created it for this change request.
    """

    probability: int
    impact: int
    score: int
    level: str
    linked_items: list[str]
    category: str | Unset = "requirement_change"
    existing_key: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        probability = self.probability

        impact = self.impact

        score = self.score

        level = self.level

        linked_items = self.linked_items

        category = self.category

        existing_key: None | str | Unset
        if isinstance(self.existing_key, Unset):
            existing_key = UNSET
        else:
            existing_key = self.existing_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "probability": probability,
                "impact": impact,
                "score": score,
                "level": level,
                "linked_items": linked_items,
            }
        )
        if category is not UNSET:
            field_dict["category"] = category
        if existing_key is not UNSET:
            field_dict["existing_key"] = existing_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        probability = d.pop("probability")

        impact = d.pop("impact")

        score = d.pop("score")

        level = d.pop("level")

        linked_items = cast(list[str], d.pop("linked_items"))

        category = d.pop("category", UNSET)

        def _parse_existing_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        existing_key = _parse_existing_key(d.pop("existing_key", UNSET))

        predicted_risk = cls(
            probability=probability,
            impact=impact,
            score=score,
            level=level,
            linked_items=linked_items,
            category=category,
            existing_key=existing_key,
        )

        predicted_risk.additional_properties = d
        return predicted_risk

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
