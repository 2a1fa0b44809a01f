from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.risk_matrix_in_gate_level import RiskMatrixInGateLevel, check_risk_matrix_in_gate_level
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.level_threshold import LevelThreshold
    from ..models.review_cadence_days import ReviewCadenceDays


T = TypeVar("T", bound="RiskMatrixIn")


@_attrs_define
class RiskMatrixIn:
    """The whole matrix (PUT replaces it). Thresholds must cover scores 1–25 with no gap or overlap,
    in level order.

        Attributes:
            probability_labels (list[str]):
            impact_labels (list[str]):
            thresholds (list[LevelThreshold]):
            review_cadence_days (ReviewCadenceDays): Days between reviews for each level (low, medium, high, critical).
            gate_level (RiskMatrixInGateLevel | Unset): Open risks at or above this level block releases. Default: 'high'.
    """

    probability_labels: list[str]
    impact_labels: list[str]
    thresholds: list[LevelThreshold]
    review_cadence_days: ReviewCadenceDays
    gate_level: RiskMatrixInGateLevel | Unset = "high"

    def to_dict(self) -> dict[str, Any]:
        probability_labels = self.probability_labels

        impact_labels = self.impact_labels

        thresholds = []
        for thresholds_item_data in self.thresholds:
            thresholds_item = thresholds_item_data.to_dict()
            thresholds.append(thresholds_item)

        review_cadence_days = self.review_cadence_days.to_dict()

        gate_level: str | Unset = UNSET
        if not isinstance(self.gate_level, Unset):
            gate_level = self.gate_level

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "probability_labels": probability_labels,
                "impact_labels": impact_labels,
                "thresholds": thresholds,
                "review_cadence_days": review_cadence_days,
            }
        )
        if gate_level is not UNSET:
            field_dict["gate_level"] = gate_level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level_threshold import LevelThreshold  # noqa: PLC0415
        from ..models.review_cadence_days import ReviewCadenceDays  # noqa: PLC0415

        d = dict(src_dict)
        probability_labels = cast(list[str], d.pop("probability_labels"))

        impact_labels = cast(list[str], d.pop("impact_labels"))

        thresholds = []
        _thresholds = d.pop("thresholds")
        for thresholds_item_data in _thresholds:
            thresholds_item = LevelThreshold.from_dict(thresholds_item_data)

            thresholds.append(thresholds_item)

        review_cadence_days = ReviewCadenceDays.from_dict(d.pop("review_cadence_days"))

        _gate_level = d.pop("gate_level", UNSET)
        gate_level: RiskMatrixInGateLevel | Unset
        if isinstance(_gate_level, Unset):
            gate_level = UNSET
        else:
            gate_level = check_risk_matrix_in_gate_level(_gate_level)

        risk_matrix_in = cls(
            probability_labels=probability_labels,
            impact_labels=impact_labels,
            thresholds=thresholds,
            review_cadence_days=review_cadence_days,
            gate_level=gate_level,
        )

        return risk_matrix_in
