from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssessmentIn")


@_attrs_define
class AssessmentIn:
    """A (re)assessment of probability and impact, with an optional note.

    Attributes:
        probability (int): 1–5 on the project's matrix scale.
        impact (int): 1–5 on the project's matrix scale.
        residual_probability (int | None | Unset):
        residual_impact (int | None | Unset):
        cost_impact (float | None | Unset):
        note (None | str | Unset):
    """

    probability: int
    impact: int
    residual_probability: int | None | Unset = UNSET
    residual_impact: int | None | Unset = UNSET
    cost_impact: float | None | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        probability = self.probability

        impact = self.impact

        residual_probability: int | None | Unset
        if isinstance(self.residual_probability, Unset):
            residual_probability = UNSET
        else:
            residual_probability = self.residual_probability

        residual_impact: int | None | Unset
        if isinstance(self.residual_impact, Unset):
            residual_impact = UNSET
        else:
            residual_impact = self.residual_impact

        cost_impact: float | None | Unset
        if isinstance(self.cost_impact, Unset):
            cost_impact = UNSET
        else:
            cost_impact = self.cost_impact

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "probability": probability,
                "impact": impact,
            }
        )
        if residual_probability is not UNSET:
            field_dict["residual_probability"] = residual_probability
        if residual_impact is not UNSET:
            field_dict["residual_impact"] = residual_impact
        if cost_impact is not UNSET:
            field_dict["cost_impact"] = cost_impact
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        probability = d.pop("probability")

        impact = d.pop("impact")

        def _parse_residual_probability(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        residual_probability = _parse_residual_probability(d.pop("residual_probability", UNSET))

        def _parse_residual_impact(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        residual_impact = _parse_residual_impact(d.pop("residual_impact", UNSET))

        def _parse_cost_impact(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        cost_impact = _parse_cost_impact(d.pop("cost_impact", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        assessment_in = cls(
            probability=probability,
            impact=impact,
            residual_probability=residual_probability,
            residual_impact=residual_impact,
            cost_impact=cost_impact,
            note=note,
        )

        return assessment_in
