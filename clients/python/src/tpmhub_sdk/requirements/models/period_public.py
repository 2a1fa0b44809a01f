from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.period_public_kind import PeriodPublicKind, check_period_public_kind

T = TypeVar("T", bound="PeriodPublic")


@_attrs_define
class PeriodPublic:
    """
    Attributes:
        kind (PeriodPublicKind):
        start (datetime.date):
        end (datetime.date):
        label (str):
    """

    kind: PeriodPublicKind
    start: datetime.date
    end: datetime.date
    label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        start = self.start.isoformat()

        end = self.end.isoformat()

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "start": start,
                "end": end,
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = check_period_public_kind(d.pop("kind"))

        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        label = d.pop("label")

        period_public = cls(
            kind=kind,
            start=start,
            end=end,
            label=label,
        )

        period_public.additional_properties = d
        return period_public

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
