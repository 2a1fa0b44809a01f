from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.design_reviewer_assignment_domain import (
    DesignReviewerAssignmentDomain,
    check_design_reviewer_assignment_domain,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="DesignReviewerAssignment")


@_attrs_define
class DesignReviewerAssignment:
    """A domain reviewer of a design for this round.

    Attributes:
        reviewer (str): The reviewer's user id (JWT `sub`).
        domain (DesignReviewerAssignmentDomain): The domain this reviewer signs off.
        required (bool | Unset): A required reviewer must approve for the design to pass. Default: True.
    """

    reviewer: str
    domain: DesignReviewerAssignmentDomain
    required: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        reviewer = self.reviewer

        domain: str = self.domain

        required = self.required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reviewer": reviewer,
                "domain": domain,
            }
        )
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reviewer = d.pop("reviewer")

        domain = check_design_reviewer_assignment_domain(d.pop("domain"))

        required = d.pop("required", UNSET)

        design_reviewer_assignment = cls(
            reviewer=reviewer,
            domain=domain,
            required=required,
        )

        return design_reviewer_assignment
