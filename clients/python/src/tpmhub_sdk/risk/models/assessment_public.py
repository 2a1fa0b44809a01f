from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assessment_public_level import AssessmentPublicLevel, check_assessment_public_level

T = TypeVar("T", bound="AssessmentPublic")


@_attrs_define
class AssessmentPublic:
    """One point of a risk's trend.

    Attributes:
        id (UUID):
        at (datetime.datetime):
        actor (str):
        probability (int):
        impact (int):
        score (int):
        level (AssessmentPublicLevel):
        residual_probability (int | None):
        residual_impact (int | None):
        residual_score (int | None):
        cost_impact (float | None):
        emv (float | None):
        note (None | str):
    """

    id: UUID
    at: datetime.datetime
    actor: str
    probability: int
    impact: int
    score: int
    level: AssessmentPublicLevel
    residual_probability: int | None
    residual_impact: int | None
    residual_score: int | None
    cost_impact: float | None
    emv: float | None
    note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        at = self.at.isoformat()

        actor = self.actor

        probability = self.probability

        impact = self.impact

        score = self.score

        level: str = self.level

        residual_probability: int | None
        residual_probability = self.residual_probability

        residual_impact: int | None
        residual_impact = self.residual_impact

        residual_score: int | None
        residual_score = self.residual_score

        cost_impact: float | None
        cost_impact = self.cost_impact

        emv: float | None
        emv = self.emv

        note: None | str
        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "actor": actor,
                "probability": probability,
                "impact": impact,
                "score": score,
                "level": level,
                "residual_probability": residual_probability,
                "residual_impact": residual_impact,
                "residual_score": residual_score,
                "cost_impact": cost_impact,
                "emv": emv,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        actor = d.pop("actor")

        probability = d.pop("probability")

        impact = d.pop("impact")

        score = d.pop("score")

        level = check_assessment_public_level(d.pop("level"))

        def _parse_residual_probability(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        residual_probability = _parse_residual_probability(d.pop("residual_probability"))

        def _parse_residual_impact(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        residual_impact = _parse_residual_impact(d.pop("residual_impact"))

        def _parse_residual_score(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        residual_score = _parse_residual_score(d.pop("residual_score"))

        def _parse_cost_impact(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cost_impact = _parse_cost_impact(d.pop("cost_impact"))

        def _parse_emv(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        emv = _parse_emv(d.pop("emv"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        assessment_public = cls(
            id=id,
            at=at,
            actor=actor,
            probability=probability,
            impact=impact,
            score=score,
            level=level,
            residual_probability=residual_probability,
            residual_impact=residual_impact,
            residual_score=residual_score,
            cost_impact=cost_impact,
            emv=emv,
            note=note,
        )

        assessment_public.additional_properties = d
        return assessment_public

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
