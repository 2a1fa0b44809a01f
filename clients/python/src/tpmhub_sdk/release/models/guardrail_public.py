from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.guardrail_public_comparator import GuardrailPublicComparator, check_guardrail_public_comparator
from ..models.guardrail_public_on_fail_type_0 import (
    GuardrailPublicOnFailType0,
    check_guardrail_public_on_fail_type_0,
)
from ..types import UNSET, Unset

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
        inconclusive (float | None | Unset): The grey band's far edge (a multiple of the baseline when `relative`);
            null: no band.
        min_readings (int | Unset):  Default: 1.
        on_fail (GuardrailPublicOnFailType0 | None | Unset): Its action at the breach threshold; null: the rollout's
            `on_breach`.
        dry_run (bool | Unset):  Default: False.
    """

    expression: str
    metric: str
    comparator: GuardrailPublicComparator
    threshold: float
    relative: bool
    inconclusive: float | None | Unset = UNSET
    min_readings: int | Unset = 1
    on_fail: GuardrailPublicOnFailType0 | None | Unset = UNSET
    dry_run: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expression = self.expression

        metric = self.metric

        comparator: str = self.comparator

        threshold = self.threshold

        relative = self.relative

        inconclusive: float | None | Unset
        if isinstance(self.inconclusive, Unset):
            inconclusive = UNSET
        else:
            inconclusive = self.inconclusive

        min_readings = self.min_readings

        on_fail: None | str | Unset
        if isinstance(self.on_fail, Unset):
            on_fail = UNSET
        elif isinstance(self.on_fail, str):
            on_fail = self.on_fail
        else:
            on_fail = self.on_fail

        dry_run = self.dry_run

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
        if inconclusive is not UNSET:
            field_dict["inconclusive"] = inconclusive
        if min_readings is not UNSET:
            field_dict["min_readings"] = min_readings
        if on_fail is not UNSET:
            field_dict["on_fail"] = on_fail
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expression = d.pop("expression")

        metric = d.pop("metric")

        comparator = check_guardrail_public_comparator(d.pop("comparator"))

        threshold = d.pop("threshold")

        relative = d.pop("relative")

        def _parse_inconclusive(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        inconclusive = _parse_inconclusive(d.pop("inconclusive", UNSET))

        min_readings = d.pop("min_readings", UNSET)

        def _parse_on_fail(data: object) -> GuardrailPublicOnFailType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_fail_type_0 = check_guardrail_public_on_fail_type_0(data)

                return on_fail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GuardrailPublicOnFailType0 | None | Unset, data)

        on_fail = _parse_on_fail(d.pop("on_fail", UNSET))

        dry_run = d.pop("dry_run", UNSET)

        guardrail_public = cls(
            expression=expression,
            metric=metric,
            comparator=comparator,
            threshold=threshold,
            relative=relative,
            inconclusive=inconclusive,
            min_readings=min_readings,
            on_fail=on_fail,
            dry_run=dry_run,
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
