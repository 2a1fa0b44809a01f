from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.review_create_outcome import ReviewCreateOutcome, check_review_create_outcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewCreate")


@_attrs_define
class ReviewCreate:
    """A recorded review; the next review date follows from the risk level's cadence.

    Attributes:
        outcome (ReviewCreateOutcome):
        notes (str | Unset):  Default: ''.
    """

    outcome: ReviewCreateOutcome
    notes: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        outcome: str = self.outcome

        notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = check_review_create_outcome(d.pop("outcome"))

        notes = d.pop("notes", UNSET)

        review_create = cls(
            outcome=outcome,
            notes=notes,
        )

        return review_create
