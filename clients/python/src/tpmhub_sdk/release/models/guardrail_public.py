from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.guardrail_public_comparator import GuardrailPublicComparator, check_guardrail_public_comparator

T = TypeVar("T", bound="GuardrailPublic")


@_attrs_define
class GuardrailPublic:
    """A parsed guardrail.

    Attributes:
        expression (str):
        metric (str):
        comparator (GuardrailPublicComparator):
        threshold (float):
        relative (bool): The threshold multiplies the latest baseline reading.
    """

    expression: str
    metric: str
    comparator: GuardrailPublicComparator
    threshold: float
    relative: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expression = self.expression

        metric = self.metric

        comparator: str = self.comparator

        threshold = self.threshold

        relative = self.relative

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expression": expression,
                "metric": metric,
                "comparator": comparator,
                "threshold": threshold,
                "relative": relative,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expression = d.pop("expression")

        metric = d.pop("metric")

        comparator = check_guardrail_public_comparator(d.pop("comparator"))

        threshold = d.pop("threshold")

        relative = d.pop("relative")

        guardrail_public = cls(
            expression=expression,
            metric=metric,
            comparator=comparator,
            threshold=threshold,
            relative=relative,
        )

        guardrail_public.additional_properties = d
        return guardrail_public

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
