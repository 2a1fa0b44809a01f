from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PrdReviewerAssignment")


@_attrs_define
class PrdReviewerAssignment:
    """A reviewer of a PRD for this round.

    Attributes:
        reviewer (str): The reviewer's user id (JWT `sub`).
        domain (None | str | Unset): What the reviewer looks at (free text).
        required (bool | Unset): A required reviewer must approve for the PRD to pass. Default: True.
    """

    reviewer: str
    domain: None | str | Unset = UNSET
    required: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        reviewer = self.reviewer

        domain: None | str | Unset
        if isinstance(self.domain, Unset):
            domain = UNSET
        else:
            domain = self.domain

        required = self.required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reviewer": reviewer,
            }
        )
        if domain is not UNSET:
            field_dict["domain"] = domain
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reviewer = d.pop("reviewer")

        def _parse_domain(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        domain = _parse_domain(d.pop("domain", UNSET))

        required = d.pop("required", UNSET)

        prd_reviewer_assignment = cls(
            reviewer=reviewer,
            domain=domain,
            required=required,
        )

        return prd_reviewer_assignment
