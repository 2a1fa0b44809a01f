from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SummaryOverdueReview")


@_attrs_define
class SummaryOverdueReview:
    """
    Attributes:
        key (str):
        title (str):
        level (str):
        next_review_at (datetime.datetime):
        days_overdue (int):
    """

    key: str
    title: str
    level: str
    next_review_at: datetime.datetime
    days_overdue: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        title = self.title

        level = self.level

        next_review_at = self.next_review_at.isoformat()

        days_overdue = self.days_overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "title": title,
                "level": level,
                "next_review_at": next_review_at,
                "days_overdue": days_overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        level = d.pop("level")

        next_review_at = datetime.datetime.fromisoformat(d.pop("next_review_at"))

        days_overdue = d.pop("days_overdue")

        summary_overdue_review = cls(
            key=key,
            title=title,
            level=level,
            next_review_at=next_review_at,
            days_overdue=days_overdue,
        )

        summary_overdue_review.additional_properties = d
        return summary_overdue_review

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
