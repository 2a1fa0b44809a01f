from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.approval_create_decision import ApprovalCreateDecision, check_approval_create_decision
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApprovalCreate")


@_attrs_define
class ApprovalCreate:
    """A reviewer's decision: `approve` counts toward N-of-M; `reject` sends the release back to draft.

    Attributes:
        decision (ApprovalCreateDecision):
        comment (str | Unset):  Default: ''.
    """

    decision: ApprovalCreateDecision
    comment: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        decision: str = self.decision

        comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decision = check_approval_create_decision(d.pop("decision"))

        comment = d.pop("comment", UNSET)

        approval_create = cls(
            decision=decision,
            comment=comment,
        )

        return approval_create
