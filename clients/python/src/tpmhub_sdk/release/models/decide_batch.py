from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="DecideBatch")


@_attrs_define
class DecideBatch:
    """Units to decide at once (at most 10,000).

    Attributes:
        units (list[str]):
    """

    units: list[str]

    def to_dict(self) -> dict[str, Any]:
        units = self.units

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "units": units,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        units = cast(list[str], d.pop("units"))

        decide_batch = cls(
            units=units,
        )

        return decide_batch
