from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExposurePointDay")


@_attrs_define
class ExposurePointDay:
    """
    Attributes:
        date (str): UTC day; the value holds at the end of the day.
        exposure (int): Sum of the scores of the risks open at the end of the day.
        open_ (int): Risks open at the end of the day.
    """

    date: str
    exposure: int
    open_: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date

        exposure = self.exposure

        open_ = self.open_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "exposure": exposure,
                "open": open_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = d.pop("date")

        exposure = d.pop("exposure")

        open_ = d.pop("open")

        exposure_point_day = cls(
            date=date,
            exposure=exposure,
            open_=open_,
        )

        exposure_point_day.additional_properties = d
        return exposure_point_day

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
