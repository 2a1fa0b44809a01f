from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.decision_request_decision import DecisionRequestDecision, check_decision_request_decision
from ..types import UNSET, Unset

T = TypeVar("T", bound="DecisionRequest")


@_attrs_define
class DecisionRequest:
    """An assigned reviewer's decision on the document under review.

    Attributes:
        decision (DecisionRequestDecision):
        comment (str | Unset): Required when requesting changes. Default: ''.
    """

    decision: DecisionRequestDecision
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
        decision = check_decision_request_decision(d.pop("decision"))

        comment = d.pop("comment", UNSET)

        decision_request = cls(
            decision=decision,
            comment=comment,
        )

        return decision_request
