from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.review_public_level import ReviewPublicLevel, check_review_public_level

T = TypeVar("T", bound="ReviewPublic")


@_attrs_define
class ReviewPublic:
    """
    Attributes:
        id (UUID):
        reviewed_at (datetime.datetime):
        reviewer (str):
        outcome (str):
        notes (str):
        level (ReviewPublicLevel):
        next_review_at (datetime.datetime):
    """

    id: UUID
    reviewed_at: datetime.datetime
    reviewer: str
    outcome: str
    notes: str
    level: ReviewPublicLevel
    next_review_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        reviewed_at = self.reviewed_at.isoformat()

        reviewer = self.reviewer

        outcome = self.outcome

        notes = self.notes

        level: str = self.level

        next_review_at = self.next_review_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reviewed_at": reviewed_at,
                "reviewer": reviewer,
                "outcome": outcome,
                "notes": notes,
                "level": level,
                "next_review_at": next_review_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        reviewed_at = datetime.datetime.fromisoformat(d.pop("reviewed_at"))

        reviewer = d.pop("reviewer")

        outcome = d.pop("outcome")

        notes = d.pop("notes")

        level = check_review_public_level(d.pop("level"))

        next_review_at = datetime.datetime.fromisoformat(d.pop("next_review_at"))

        review_public = cls(
            id=id,
            reviewed_at=reviewed_at,
            reviewer=reviewer,
            outcome=outcome,
            notes=notes,
            level=level,
            next_review_at=next_review_at,
        )

        review_public.additional_properties = d
        return review_public

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
