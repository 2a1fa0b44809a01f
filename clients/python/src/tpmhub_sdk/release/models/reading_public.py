from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reading_public_cohort import ReadingPublicCohort, check_reading_public_cohort
from ..models.reading_public_outcome import ReadingPublicOutcome, check_reading_public_outcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reading_check import ReadingCheck


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
        outcome (ReadingPublicOutcome): pass/inconclusive/fail against the stage's acting guardrails (dry runs aside:
            see `checks`); unchecked when no acting guardrail names the metric (and for baseline readings); no_baseline when
            a relative guardrail has no baseline yet.
        failed (list[str]): Acting guardrails this reading failed.
        created_by (str):
        checks (list[ReadingCheck] | Unset): Each guardrail of the stage naming the metric, dry runs included.
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
    checks: list[ReadingCheck] | Unset = UNSET
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

        checks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.checks, Unset):
            checks = []
            for checks_item_data in self.checks:
                checks_item = checks_item_data.to_dict()
                checks.append(checks_item)

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
        if checks is not UNSET:
            field_dict["checks"] = checks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reading_check import ReadingCheck  # noqa: PLC0415

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

        _checks = d.pop("checks", UNSET)
        checks: list[ReadingCheck] | Unset = UNSET
        if _checks is not UNSET:
            checks = []
            for checks_item_data in _checks:
                checks_item = ReadingCheck.from_dict(checks_item_data)

                checks.append(checks_item)

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
            checks=checks,
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
