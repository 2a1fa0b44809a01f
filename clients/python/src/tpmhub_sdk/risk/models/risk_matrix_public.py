from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.risk_matrix_public_gate_level import (
    RiskMatrixPublicGateLevel,
    check_risk_matrix_public_gate_level,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.level_threshold import LevelThreshold
    from ..models.review_cadence import ReviewCadence


T = TypeVar("T", bound="RiskMatrixPublic")


@_attrs_define
class RiskMatrixPublic:
    """
    Attributes:
        probability_labels (list[str]):
        impact_labels (list[str]):
        thresholds (list[LevelThreshold]):
        review_cadence_days (ReviewCadence): Days between reviews for each level.
        project_key (str):
        is_default (bool): True until someone saves a matrix for the project.
        version (int):
        gate_level (RiskMatrixPublicGateLevel | Unset): Open risks at or above this level block releases. Default:
            'high'.
        updated_at (datetime.datetime | None | Unset):
    """

    probability_labels: list[str]
    impact_labels: list[str]
    thresholds: list[LevelThreshold]
    review_cadence_days: ReviewCadence
    project_key: str
    is_default: bool
    version: int
    gate_level: RiskMatrixPublicGateLevel | Unset = "high"
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        probability_labels = self.probability_labels

        impact_labels = self.impact_labels

        thresholds = []
        for thresholds_item_data in self.thresholds:
            thresholds_item = thresholds_item_data.to_dict()
            thresholds.append(thresholds_item)

        review_cadence_days = self.review_cadence_days.to_dict()

        project_key = self.project_key

        is_default = self.is_default

        version = self.version

        gate_level: str | Unset = UNSET
        if not isinstance(self.gate_level, Unset):
            gate_level = self.gate_level

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "probability_labels": probability_labels,
                "impact_labels": impact_labels,
                "thresholds": thresholds,
                "review_cadence_days": review_cadence_days,
                "project_key": project_key,
                "is_default": is_default,
                "version": version,
            }
        )
        if gate_level is not UNSET:
            field_dict["gate_level"] = gate_level
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level_threshold import LevelThreshold  # noqa: PLC0415
        from ..models.review_cadence import ReviewCadence  # noqa: PLC0415

        d = dict(src_dict)
        probability_labels = cast(list[str], d.pop("probability_labels"))

        impact_labels = cast(list[str], d.pop("impact_labels"))

        thresholds = []
        _thresholds = d.pop("thresholds")
        for thresholds_item_data in _thresholds:
            thresholds_item = LevelThreshold.from_dict(thresholds_item_data)

            thresholds.append(thresholds_item)

        review_cadence_days = ReviewCadence.from_dict(d.pop("review_cadence_days"))

        project_key = d.pop("project_key")

        is_default = d.pop("is_default")

        version = d.pop("version")

        _gate_level = d.pop("gate_level", UNSET)
        gate_level: RiskMatrixPublicGateLevel | Unset
        if isinstance(_gate_level, Unset):
            gate_level = UNSET
        else:
            gate_level = check_risk_matrix_public_gate_level(_gate_level)

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        risk_matrix_public = cls(
            probability_labels=probability_labels,
            impact_labels=impact_labels,
            thresholds=thresholds,
            review_cadence_days=review_cadence_days,
            project_key=project_key,
            is_default=is_default,
            version=version,
            gate_level=gate_level,
            updated_at=updated_at,
        )

        risk_matrix_public.additional_properties = d
        return risk_matrix_public

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
