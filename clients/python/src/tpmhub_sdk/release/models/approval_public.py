from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ApprovalPublic")


@_attrs_define
class ApprovalPublic:
    """
    Attributes:
        id (UUID):
        review_round (int):
        approver (str):
        decision (str):
        comment (str):
        at (datetime.datetime):
    """

    id: UUID
    review_round: int
    approver: str
    decision: str
    comment: str
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        review_round = self.review_round

        approver = self.approver

        decision = self.decision

        comment = self.comment

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "review_round": review_round,
                "approver": approver,
                "decision": decision,
                "comment": comment,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        review_round = d.pop("review_round")

        approver = d.pop("approver")

        decision = d.pop("decision")

        comment = d.pop("comment")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        approval_public = cls(
            id=id,
            review_round=review_round,
            approver=approver,
            decision=decision,
            comment=comment,
            at=at,
        )

        approval_public.additional_properties = d
        return approval_public

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
