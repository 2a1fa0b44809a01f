from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VersionSummary")


@_attrs_define
class VersionSummary:
    """An approved, frozen version in a list.

    Attributes:
        number (int):
        title (str):
        approvers (list[str]):
        review_round (int):
        approved_at (datetime.datetime):
    """

    number: int
    title: str
    approvers: list[str]
    review_round: int
    approved_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        title = self.title

        approvers = self.approvers

        review_round = self.review_round

        approved_at = self.approved_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "title": title,
                "approvers": approvers,
                "review_round": review_round,
                "approved_at": approved_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        title = d.pop("title")

        approvers = cast(list[str], d.pop("approvers"))

        review_round = d.pop("review_round")

        approved_at = datetime.datetime.fromisoformat(d.pop("approved_at"))

        version_summary = cls(
            number=number,
            title=title,
            approvers=approvers,
            review_round=review_round,
            approved_at=approved_at,
        )

        version_summary.additional_properties = d
        return version_summary

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
