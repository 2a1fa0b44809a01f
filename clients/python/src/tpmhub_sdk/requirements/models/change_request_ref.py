from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChangeRequestRef")


@_attrs_define
class ChangeRequestRef:
    """
    Attributes:
        key (str):
        title (str):
        status (str):
        effort_delta_points (float):
        date_delta_days (int):
        affected_items (int):
        decided_at (datetime.datetime | None | Unset):
    """

    key: str
    title: str
    status: str
    effort_delta_points: float
    date_delta_days: int
    affected_items: int
    decided_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        title = self.title

        status = self.status

        effort_delta_points = self.effort_delta_points

        date_delta_days = self.date_delta_days

        affected_items = self.affected_items

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "title": title,
                "status": status,
                "effort_delta_points": effort_delta_points,
                "date_delta_days": date_delta_days,
                "affected_items": affected_items,
            }
        )
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        status = d.pop("status")

        effort_delta_points = d.pop("effort_delta_points")

        date_delta_days = d.pop("date_delta_days")

        affected_items = d.pop("affected_items")

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        change_request_ref = cls(
            key=key,
            title=title,
            status=status,
            effort_delta_points=effort_delta_points,
            date_delta_days=date_delta_days,
            affected_items=affected_items,
            decided_at=decided_at,
        )

        change_request_ref.additional_properties = d
        return change_request_ref

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
