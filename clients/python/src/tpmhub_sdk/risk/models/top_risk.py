from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.top_risk_level import TopRiskLevel, check_top_risk_level
from ..models.top_risk_status import TopRiskStatus, check_top_risk_status

T = TypeVar("T", bound="TopRisk")


@_attrs_define
class TopRisk:
    """
    Attributes:
        key (str):
        title (str):
        status (TopRiskStatus):
        level (TopRiskLevel):
        score (int):
        residual_score (int | None):
        emv (float | None):
        owner (None | str):
    """

    key: str
    title: str
    status: TopRiskStatus
    level: TopRiskLevel
    score: int
    residual_score: int | None
    emv: float | None
    owner: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        title = self.title

        status: str = self.status

        level: str = self.level

        score = self.score

        residual_score: int | None
        residual_score = self.residual_score

        emv: float | None
        emv = self.emv

        owner: None | str
        owner = self.owner

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "title": title,
                "status": status,
                "level": level,
                "score": score,
                "residual_score": residual_score,
                "emv": emv,
                "owner": owner,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        status = check_top_risk_status(d.pop("status"))

        level = check_top_risk_level(d.pop("level"))

        score = d.pop("score")

        def _parse_residual_score(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        residual_score = _parse_residual_score(d.pop("residual_score"))

        def _parse_emv(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        emv = _parse_emv(d.pop("emv"))

        def _parse_owner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner = _parse_owner(d.pop("owner"))

        top_risk = cls(
            key=key,
            title=title,
            status=status,
            level=level,
            score=score,
            residual_score=residual_score,
            emv=emv,
            owner=owner,
        )

        top_risk.additional_properties = d
        return top_risk

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
