from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.prd_reviewer_assignment import PrdReviewerAssignment


T = TypeVar("T", bound="PrdSubmit")


@_attrs_define
class PrdSubmit:
    """Send a PRD to review, naming this round's reviewers.

    Attributes:
        reviewers (list[PrdReviewerAssignment]):
        quorum (int | None | Unset): Approvals needed (every required reviewer must always approve). Default: the number
            of required reviewers, or every reviewer when none is required.
        note (None | str | Unset):
    """

    reviewers: list[PrdReviewerAssignment]
    quorum: int | None | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reviewers = []
        for reviewers_item_data in self.reviewers:
            reviewers_item = reviewers_item_data.to_dict()
            reviewers.append(reviewers_item)

        quorum: int | None | Unset
        if isinstance(self.quorum, Unset):
            quorum = UNSET
        else:
            quorum = self.quorum

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reviewers": reviewers,
            }
        )
        if quorum is not UNSET:
            field_dict["quorum"] = quorum
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.prd_reviewer_assignment import PrdReviewerAssignment  # noqa: PLC0415

        d = dict(src_dict)
        reviewers = []
        _reviewers = d.pop("reviewers")
        for reviewers_item_data in _reviewers:
            reviewers_item = PrdReviewerAssignment.from_dict(reviewers_item_data)

            reviewers.append(reviewers_item)

        def _parse_quorum(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quorum = _parse_quorum(d.pop("quorum", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        prd_submit = cls(
            reviewers=reviewers,
            quorum=quorum,
            note=note,
        )

        return prd_submit
