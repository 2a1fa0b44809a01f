from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.trigger_comparator import TriggerComparator, check_trigger_comparator

T = TypeVar("T", bound="Trigger")


@_attrs_define
class Trigger:
    """A trigger indicator of the contingency plan: when `metric comparator threshold` holds, act.

    Attributes:
        metric (str):
        comparator (TriggerComparator):
        threshold (float):
    """

    metric: str
    comparator: TriggerComparator
    threshold: float

    def to_dict(self) -> dict[str, Any]:
        metric = self.metric

        comparator: str = self.comparator

        threshold = self.threshold

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "metric": metric,
                "comparator": comparator,
                "threshold": threshold,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        metric = d.pop("metric")

        comparator = check_trigger_comparator(d.pop("comparator"))

        threshold = d.pop("threshold")

        trigger = cls(
            metric=metric,
            comparator=comparator,
            threshold=threshold,
        )

        return trigger
