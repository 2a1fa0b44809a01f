from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MilestoneForecast")


@_attrs_define
class MilestoneForecast:
    """When the milestone's items are projected to be done, at the project's velocity.

    Attributes:
        projected_finish (datetime.date | None): Today + remaining points ÷ velocity (rounded up to whole days); the day
            the last item was done once all are done; null when work remains but nothing was finished recently (no
            velocity).
        slip_days (int | None): projected_finish − target_date in days: positive is late, negative early.
        velocity_points_per_day (float): Points done per day over the last finished iterations (or the last 28 days).
    """

    projected_finish: datetime.date | None
    slip_days: int | None
    velocity_points_per_day: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        projected_finish: None | str
        if isinstance(self.projected_finish, datetime.date):
            projected_finish = self.projected_finish.isoformat()
        else:
            projected_finish = self.projected_finish

        slip_days: int | None
        slip_days = self.slip_days

        velocity_points_per_day = self.velocity_points_per_day

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "projected_finish": projected_finish,
                "slip_days": slip_days,
                "velocity_points_per_day": velocity_points_per_day,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_projected_finish(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                projected_finish_type_0 = datetime.date.fromisoformat(data)

                return projected_finish_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        projected_finish = _parse_projected_finish(d.pop("projected_finish"))

        def _parse_slip_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        slip_days = _parse_slip_days(d.pop("slip_days"))

        velocity_points_per_day = d.pop("velocity_points_per_day")

        milestone_forecast = cls(
            projected_finish=projected_finish,
            slip_days=slip_days,
            velocity_points_per_day=velocity_points_per_day,
        )

        milestone_forecast.additional_properties = d
        return milestone_forecast

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
