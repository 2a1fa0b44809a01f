from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.reading_create_cohort import ReadingCreateCohort, check_reading_create_cohort
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReadingCreate")


@_attrs_define
class ReadingCreate:
    """One metric value for the rollout, from monitoring or CI.

    Attributes:
        metric (str):
        value (float):
        cohort (ReadingCreateCohort | Unset): canary: units inside the rollout; baseline: the rest. Default: 'canary'.
        at (datetime.datetime | None | Unset): When it was measured (default: now).
        source (str | Unset):  Default: ''.
    """

    metric: str
    value: float
    cohort: ReadingCreateCohort | Unset = "canary"
    at: datetime.datetime | None | Unset = UNSET
    source: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        metric = self.metric

        value = self.value

        cohort: str | Unset = UNSET
        if not isinstance(self.cohort, Unset):
            cohort = self.cohort

        at: None | str | Unset
        if isinstance(self.at, Unset):
            at = UNSET
        elif isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "metric": metric,
                "value": value,
            }
        )
        if cohort is not UNSET:
            field_dict["cohort"] = cohort
        if at is not UNSET:
            field_dict["at"] = at
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        metric = d.pop("metric")

        value = d.pop("value")

        _cohort = d.pop("cohort", UNSET)
        cohort: ReadingCreateCohort | Unset
        if isinstance(_cohort, Unset):
            cohort = UNSET
        else:
            cohort = check_reading_create_cohort(_cohort)

        def _parse_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                at_type_0 = datetime.datetime.fromisoformat(data)

                return at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        at = _parse_at(d.pop("at", UNSET))

        source = d.pop("source", UNSET)

        reading_create = cls(
            metric=metric,
            value=value,
            cohort=cohort,
            at=at,
            source=source,
        )

        return reading_create
