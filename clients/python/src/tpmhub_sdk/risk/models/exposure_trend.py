from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.exposure_trend_interval import ExposureTrendInterval, check_exposure_trend_interval

if TYPE_CHECKING:
    from ..models.exposure_period import ExposurePeriod


T = TypeVar("T", bound="ExposureTrend")


@_attrs_define
class ExposureTrend:
    """
    Attributes:
        project_key (str):
        interval (ExposureTrendInterval):
        periods (list[ExposurePeriod]):
    """

    project_key: str
    interval: ExposureTrendInterval
    periods: list[ExposurePeriod]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_key = self.project_key

        interval: str = self.interval

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_key": project_key,
                "interval": interval,
                "periods": periods,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exposure_period import ExposurePeriod  # noqa: PLC0415

        d = dict(src_dict)
        project_key = d.pop("project_key")

        interval = check_exposure_trend_interval(d.pop("interval"))

        periods = []
        _periods = d.pop("periods")
        for periods_item_data in _periods:
            periods_item = ExposurePeriod.from_dict(periods_item_data)

            periods.append(periods_item)

        exposure_trend = cls(
            project_key=project_key,
            interval=interval,
            periods=periods,
        )

        exposure_trend.additional_properties = d
        return exposure_trend

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
