from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RolloutOutcomes")


@_attrs_define
class RolloutOutcomes:
    """How the environment's gray rollouts ended in the window (by `finished_at`). A guardrail rollback, a
    manual rollback and an abort after units were exposed are change failures; an abort before any
    exposure (a draft called off) is not: nothing reached users.

        Attributes:
            completed (int):
            guardrail_rollbacks (int): Rolled back by a guardrail breach.
            manual_rollbacks (int): Rolled back by a person.
            aborted_after_exposure (int): Aborted while running or paused: counted as change failures.
            aborted_before_exposure (int): Aborted as drafts: not counted (no change reached users).
            change_failures (int): guardrail_rollbacks + manual_rollbacks + aborted_after_exposure.
            change_failure_rate (float | None): change_failures ÷ (completed + change_failures); null without finished
                exposures.
    """

    completed: int
    guardrail_rollbacks: int
    manual_rollbacks: int
    aborted_after_exposure: int
    aborted_before_exposure: int
    change_failures: int
    change_failure_rate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        completed = self.completed

        guardrail_rollbacks = self.guardrail_rollbacks

        manual_rollbacks = self.manual_rollbacks

        aborted_after_exposure = self.aborted_after_exposure

        aborted_before_exposure = self.aborted_before_exposure

        change_failures = self.change_failures

        change_failure_rate: float | None
        change_failure_rate = self.change_failure_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "completed": completed,
                "guardrail_rollbacks": guardrail_rollbacks,
                "manual_rollbacks": manual_rollbacks,
                "aborted_after_exposure": aborted_after_exposure,
                "aborted_before_exposure": aborted_before_exposure,
                "change_failures": change_failures,
                "change_failure_rate": change_failure_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        completed = d.pop("completed")

        guardrail_rollbacks = d.pop("guardrail_rollbacks")

        manual_rollbacks = d.pop("manual_rollbacks")

        aborted_after_exposure = d.pop("aborted_after_exposure")

        aborted_before_exposure = d.pop("aborted_before_exposure")

        change_failures = d.pop("change_failures")

        def _parse_change_failure_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        change_failure_rate = _parse_change_failure_rate(d.pop("change_failure_rate"))

        rollout_outcomes = cls(
            completed=completed,
            guardrail_rollbacks=guardrail_rollbacks,
            manual_rollbacks=manual_rollbacks,
            aborted_after_exposure=aborted_after_exposure,
            aborted_before_exposure=aborted_before_exposure,
            change_failures=change_failures,
            change_failure_rate=change_failure_rate,
        )

        rollout_outcomes.additional_properties = d
        return rollout_outcomes

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
