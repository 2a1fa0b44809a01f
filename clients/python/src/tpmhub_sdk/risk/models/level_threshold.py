from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.level_threshold_level import LevelThresholdLevel, check_level_threshold_level

T = TypeVar("T", bound="LevelThreshold")


@_attrs_define
class LevelThreshold:
    """
    Attributes:
        level (LevelThresholdLevel):
        min_score (int):
        max_score (int):
    """

    level: LevelThresholdLevel
    min_score: int
    max_score: int

    def to_dict(self) -> dict[str, Any]:
        level: str = self.level

        min_score = self.min_score

        max_score = self.max_score

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "level": level,
                "min_score": min_score,
                "max_score": max_score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        level = check_level_threshold_level(d.pop("level"))

        min_score = d.pop("min_score")

        max_score = d.pop("max_score")

        level_threshold = cls(
            level=level,
            min_score=min_score,
            max_score=max_score,
        )

        return level_threshold
