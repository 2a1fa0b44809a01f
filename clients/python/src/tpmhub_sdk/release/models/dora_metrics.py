from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rollout_outcomes import RolloutOutcomes


T = TypeVar("T", bound="DoraMetrics")


@_attrs_define
class DoraMetrics:
    """The four DORA keys for one project, environment and window (by deployment start).

    Attributes:
        project_key (str):
        environment (str):
        window_start (datetime.datetime):
        window_end (datetime.datetime):
        days (float):
        deployments (int): Finished deployments in the window.
        successful_deployments (int):
        deployment_frequency_per_day (float): Successful deployments per day.
        deployment_frequency_per_week (float):
        lead_time_median_seconds (float | None): Median commit-to-production time of successful deployments.
        change_failure_rate (float | None): Failed, rolled back or failure-causing deployments ÷ finished deployments.
        failed_deployments (int):
        time_to_restore_median_seconds (float | None): Median time from a failed change to restored service.
        restored_failures (int):
        lead_time_mean_seconds (float | None | Unset):
        rollouts (None | RolloutOutcomes | Unset): The environment's gray rollouts that ended in the window, with change
            failures told apart: guardrail and manual rollbacks and aborts after exposure count, aborts of drafts do not.
    """

    project_key: str
    environment: str
    window_start: datetime.datetime
    window_end: datetime.datetime
    days: float
    deployments: int
    successful_deployments: int
    deployment_frequency_per_day: float
    deployment_frequency_per_week: float
    lead_time_median_seconds: float | None
    change_failure_rate: float | None
    failed_deployments: int
    time_to_restore_median_seconds: float | None
    restored_failures: int
    lead_time_mean_seconds: float | None | Unset = UNSET
    rollouts: None | RolloutOutcomes | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.rollout_outcomes import RolloutOutcomes  # noqa: PLC0415

        project_key = self.project_key

        environment = self.environment

        window_start = self.window_start.isoformat()

        window_end = self.window_end.isoformat()

        days = self.days

        deployments = self.deployments

        successful_deployments = self.successful_deployments

        deployment_frequency_per_day = self.deployment_frequency_per_day

        deployment_frequency_per_week = self.deployment_frequency_per_week

        lead_time_median_seconds: float | None
        lead_time_median_seconds = self.lead_time_median_seconds

        change_failure_rate: float | None
        change_failure_rate = self.change_failure_rate

        failed_deployments = self.failed_deployments

        time_to_restore_median_seconds: float | None
        time_to_restore_median_seconds = self.time_to_restore_median_seconds

        restored_failures = self.restored_failures

        lead_time_mean_seconds: float | None | Unset
        if isinstance(self.lead_time_mean_seconds, Unset):
            lead_time_mean_seconds = UNSET
        else:
            lead_time_mean_seconds = self.lead_time_mean_seconds

        rollouts: dict[str, Any] | None | Unset
        if isinstance(self.rollouts, Unset):
            rollouts = UNSET
        elif isinstance(self.rollouts, RolloutOutcomes):
            rollouts = self.rollouts.to_dict()
        else:
            rollouts = self.rollouts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_key": project_key,
                "environment": environment,
                "window_start": window_start,
                "window_end": window_end,
                "days": days,
                "deployments": deployments,
                "successful_deployments": successful_deployments,
                "deployment_frequency_per_day": deployment_frequency_per_day,
                "deployment_frequency_per_week": deployment_frequency_per_week,
                "lead_time_median_seconds": lead_time_median_seconds,
                "change_failure_rate": change_failure_rate,
                "failed_deployments": failed_deployments,
                "time_to_restore_median_seconds": time_to_restore_median_seconds,
                "restored_failures": restored_failures,
            }
        )
        if lead_time_mean_seconds is not UNSET:
            field_dict["lead_time_mean_seconds"] = lead_time_mean_seconds
        if rollouts is not UNSET:
            field_dict["rollouts"] = rollouts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rollout_outcomes import RolloutOutcomes  # noqa: PLC0415

        d = dict(src_dict)
        project_key = d.pop("project_key")

        environment = d.pop("environment")

        window_start = datetime.datetime.fromisoformat(d.pop("window_start"))

        window_end = datetime.datetime.fromisoformat(d.pop("window_end"))

        days = d.pop("days")

        deployments = d.pop("deployments")

        successful_deployments = d.pop("successful_deployments")

        deployment_frequency_per_day = d.pop("deployment_frequency_per_day")

        deployment_frequency_per_week = d.pop("deployment_frequency_per_week")

        def _parse_lead_time_median_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        lead_time_median_seconds = _parse_lead_time_median_seconds(d.pop("lead_time_median_seconds"))

        def _parse_change_failure_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        change_failure_rate = _parse_change_failure_rate(d.pop("change_failure_rate"))

        failed_deployments = d.pop("failed_deployments")

        def _parse_time_to_restore_median_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        time_to_restore_median_seconds = _parse_time_to_restore_median_seconds(
            d.pop("time_to_restore_median_seconds")
        )

        restored_failures = d.pop("restored_failures")

        def _parse_lead_time_mean_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        lead_time_mean_seconds = _parse_lead_time_mean_seconds(d.pop("lead_time_mean_seconds", UNSET))

        def _parse_rollouts(data: object) -> None | RolloutOutcomes | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rollouts_type_0 = RolloutOutcomes.from_dict(data)

                return rollouts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RolloutOutcomes | Unset, data)

        rollouts = _parse_rollouts(d.pop("rollouts", UNSET))

        dora_metrics = cls(
            project_key=project_key,
            environment=environment,
            window_start=window_start,
            window_end=window_end,
            days=days,
            deployments=deployments,
            successful_deployments=successful_deployments,
            deployment_frequency_per_day=deployment_frequency_per_day,
            deployment_frequency_per_week=deployment_frequency_per_week,
            lead_time_median_seconds=lead_time_median_seconds,
            change_failure_rate=change_failure_rate,
            failed_deployments=failed_deployments,
            time_to_restore_median_seconds=time_to_restore_median_seconds,
            restored_failures=restored_failures,
            lead_time_mean_seconds=lead_time_mean_seconds,
            rollouts=rollouts,
        )

        dora_metrics.additional_properties = d
        return dora_metrics

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
