from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExposurePeriod")


@_attrs_define
class ExposurePeriod:
    """Open exposure at the end of one period (today: now).

    Attributes:
        period_start (datetime.date):
        open_risks (int):
        score (int): Σ score of open threats.
        residual_score (int): Σ residual score (inherent where not assessed).
        emv (float): Σ EMV of open threats.
    """

    period_start: datetime.date
    open_risks: int
    score: int
    residual_score: int
    emv: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period_start = self.period_start.isoformat()

        open_risks = self.open_risks

        score = self.score

        residual_score = self.residual_score

        emv = self.emv

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period_start": period_start,
                "open_risks": open_risks,
                "score": score,
                "residual_score": residual_score,
                "emv": emv,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        open_risks = d.pop("open_risks")

        score = d.pop("score")

        residual_score = d.pop("residual_score")

        emv = d.pop("emv")

        exposure_period = cls(
            period_start=period_start,
            open_risks=open_risks,
            score=score,
            residual_score=residual_score,
            emv=emv,
        )

        exposure_period.additional_properties = d
        return exposure_period

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
