from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.review_public_decision_type_0 import (
    ReviewPublicDecisionType0,
    check_review_public_decision_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewPublic")


@_attrs_define
class ReviewPublic:
    """A reviewer assigned in a review round, with their decision once made.

    Attributes:
        reviewer (str):
        review_round (int):
        revision (int):
        assigned_by (str):
        assigned_at (datetime.datetime):
        domain (None | str | Unset):
        required (bool | Unset):  Default: True.
        decision (None | ReviewPublicDecisionType0 | Unset):
        comment (None | str | Unset):
        decided_at (datetime.datetime | None | Unset):
    """

    reviewer: str
    review_round: int
    revision: int
    assigned_by: str
    assigned_at: datetime.datetime
    domain: None | str | Unset = UNSET
    required: bool | Unset = True
    decision: None | ReviewPublicDecisionType0 | Unset = UNSET
    comment: None | str | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reviewer = self.reviewer

        review_round = self.review_round

        revision = self.revision

        assigned_by = self.assigned_by

        assigned_at = self.assigned_at.isoformat()

        domain: None | str | Unset
        if isinstance(self.domain, Unset):
            domain = UNSET
        else:
            domain = self.domain

        required = self.required

        decision: None | str | Unset
        if isinstance(self.decision, Unset):
            decision = UNSET
        elif isinstance(self.decision, str):
            decision = self.decision
        else:
            decision = self.decision

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

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
                "reviewer": reviewer,
                "review_round": review_round,
                "revision": revision,
                "assigned_by": assigned_by,
                "assigned_at": assigned_at,
            }
        )
        if domain is not UNSET:
            field_dict["domain"] = domain
        if required is not UNSET:
            field_dict["required"] = required
        if decision is not UNSET:
            field_dict["decision"] = decision
        if comment is not UNSET:
            field_dict["comment"] = comment
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reviewer = d.pop("reviewer")

        review_round = d.pop("review_round")

        revision = d.pop("revision")

        assigned_by = d.pop("assigned_by")

        assigned_at = datetime.datetime.fromisoformat(d.pop("assigned_at"))

        def _parse_domain(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        domain = _parse_domain(d.pop("domain", UNSET))

        required = d.pop("required", UNSET)

        def _parse_decision(data: object) -> None | ReviewPublicDecisionType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decision_type_0 = check_review_public_decision_type_0(data)

                return decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewPublicDecisionType0 | Unset, data)

        decision = _parse_decision(d.pop("decision", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

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

        review_public = cls(
            reviewer=reviewer,
            review_round=review_round,
            revision=revision,
            assigned_by=assigned_by,
            assigned_at=assigned_at,
            domain=domain,
            required=required,
            decision=decision,
            comment=comment,
            decided_at=decided_at,
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
