from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.overdue_review_level import OverdueReviewLevel, check_overdue_review_level

T = TypeVar("T", bound="OverdueReview")


@_attrs_define
class OverdueReview:
    """
    Attributes:
        key (str):
        title (str):
        level (OverdueReviewLevel):
        owner (None | str):
        next_review_at (datetime.datetime):
        days_overdue (int):
    """

    key: str
    title: str
    level: OverdueReviewLevel
    owner: None | str
    next_review_at: datetime.datetime
    days_overdue: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        title = self.title

        level: str = self.level

        owner: None | str
        owner = self.owner

        next_review_at = self.next_review_at.isoformat()

        days_overdue = self.days_overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "title": title,
                "level": level,
                "owner": owner,
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

        level = check_overdue_review_level(d.pop("level"))

        def _parse_owner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner = _parse_owner(d.pop("owner"))

        next_review_at = datetime.datetime.fromisoformat(d.pop("next_review_at"))

        days_overdue = d.pop("days_overdue")

        overdue_review = cls(
            key=key,
            title=title,
            level=level,
            owner=owner,
            next_review_at=next_review_at,
            days_overdue=days_overdue,
        )

        overdue_review.additional_properties = d
        return overdue_review

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
