from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SummaryDora")


@_attrs_define
class SummaryDora:
    """DORA over the period, from what release-svc recorded.

    Attributes:
        deployments (int): Successful production deployments (releases released) in the period.
        deployment_frequency_per_day (float):
        lead_time_hours_median (float | None | Unset): Release created → released, median.
        change_failure_rate (float | None | Unset): Rolled back / (released + rolled back).
        time_to_restore_hours_median (float | None | Unset):
    """

    deployments: int
    deployment_frequency_per_day: float
    lead_time_hours_median: float | None | Unset = UNSET
    change_failure_rate: float | None | Unset = UNSET
    time_to_restore_hours_median: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deployments = self.deployments

        deployment_frequency_per_day = self.deployment_frequency_per_day

        lead_time_hours_median: float | None | Unset
        if isinstance(self.lead_time_hours_median, Unset):
            lead_time_hours_median = UNSET
        else:
            lead_time_hours_median = self.lead_time_hours_median

        change_failure_rate: float | None | Unset
        if isinstance(self.change_failure_rate, Unset):
            change_failure_rate = UNSET
        else:
            change_failure_rate = self.change_failure_rate

        time_to_restore_hours_median: float | None | Unset
        if isinstance(self.time_to_restore_hours_median, Unset):
            time_to_restore_hours_median = UNSET
        else:
            time_to_restore_hours_median = self.time_to_restore_hours_median

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deployments": deployments,
                "deployment_frequency_per_day": deployment_frequency_per_day,
            }
        )
        if lead_time_hours_median is not UNSET:
            field_dict["lead_time_hours_median"] = lead_time_hours_median
        if change_failure_rate is not UNSET:
            field_dict["change_failure_rate"] = change_failure_rate
        if time_to_restore_hours_median is not UNSET:
            field_dict["time_to_restore_hours_median"] = time_to_restore_hours_median

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        deployments = d.pop("deployments")

        deployment_frequency_per_day = d.pop("deployment_frequency_per_day")

        def _parse_lead_time_hours_median(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        lead_time_hours_median = _parse_lead_time_hours_median(d.pop("lead_time_hours_median", UNSET))

        def _parse_change_failure_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        change_failure_rate = _parse_change_failure_rate(d.pop("change_failure_rate", UNSET))

        def _parse_time_to_restore_hours_median(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        time_to_restore_hours_median = _parse_time_to_restore_hours_median(
            d.pop("time_to_restore_hours_median", UNSET)
        )

        summary_dora = cls(
            deployments=deployments,
            deployment_frequency_per_day=deployment_frequency_per_day,
            lead_time_hours_median=lead_time_hours_median,
            change_failure_rate=change_failure_rate,
            time_to_restore_hours_median=time_to_restore_hours_median,
        )

        summary_dora.additional_properties = d
        return summary_dora

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
