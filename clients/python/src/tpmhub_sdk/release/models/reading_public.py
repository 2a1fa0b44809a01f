from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reading_public_cohort import ReadingPublicCohort, check_reading_public_cohort
from ..models.reading_public_outcome import ReadingPublicOutcome, check_reading_public_outcome

T = TypeVar("T", bound="ReadingPublic")


@_attrs_define
class ReadingPublic:
    """
    Attributes:
        id (UUID):
        rollout_id (UUID):
        stage_index (int):
        metric (str):
        value (float):
        cohort (ReadingPublicCohort):
        at (datetime.datetime):
        source (str):
        outcome (ReadingPublicOutcome): pass/fail against the stage's guardrails; unchecked when no guardrail names the
            metric (and for baseline readings); no_baseline when a relative guardrail has no baseline yet.
        failed (list[str]): Guardrails this reading failed.
        created_by (str):
    """

    id: UUID
    rollout_id: UUID
    stage_index: int
    metric: str
    value: float
    cohort: ReadingPublicCohort
    at: datetime.datetime
    source: str
    outcome: ReadingPublicOutcome
    failed: list[str]
    created_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        rollout_id = str(self.rollout_id)

        stage_index = self.stage_index

        metric = self.metric

        value = self.value

        cohort: str = self.cohort

        at = self.at.isoformat()

        source = self.source

        outcome: str = self.outcome

        failed = self.failed

        created_by = self.created_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "rollout_id": rollout_id,
                "stage_index": stage_index,
                "metric": metric,
                "value": value,
                "cohort": cohort,
                "at": at,
                "source": source,
                "outcome": outcome,
                "failed": failed,
                "created_by": created_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        rollout_id = UUID(d.pop("rollout_id"))

        stage_index = d.pop("stage_index")

        metric = d.pop("metric")

        value = d.pop("value")

        cohort = check_reading_public_cohort(d.pop("cohort"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        source = d.pop("source")

        outcome = check_reading_public_outcome(d.pop("outcome"))

        failed = cast(list[str], d.pop("failed"))

        created_by = d.pop("created_by")

        reading_public = cls(
            id=id,
            rollout_id=rollout_id,
            stage_index=stage_index,
            metric=metric,
            value=value,
            cohort=cohort,
            at=at,
            source=source,
            outcome=outcome,
            failed=failed,
            created_by=created_by,
        )

        reading_public.additional_properties = d
        return reading_public

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
