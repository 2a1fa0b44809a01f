from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.approval_state_status import ApprovalStateStatus, check_approval_state_status

if TYPE_CHECKING:
    from ..models.approval_public import ApprovalPublic


T = TypeVar("T", bound="ApprovalState")


@_attrs_define
class ApprovalState:
    """The approvals of the current review round and what they add up to.

    Attributes:
        release_id (UUID):
        review_round (int):
        required_approvals (int):
        approvers (list[str]):
        approved_by (list[str]):
        pending (list[str]):
        approvals (list[ApprovalPublic]):
        status (ApprovalStateStatus):
    """

    release_id: UUID
    review_round: int
    required_approvals: int
    approvers: list[str]
    approved_by: list[str]
    pending: list[str]
    approvals: list[ApprovalPublic]
    status: ApprovalStateStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        release_id = str(self.release_id)

        review_round = self.review_round

        required_approvals = self.required_approvals

        approvers = self.approvers

        approved_by = self.approved_by

        pending = self.pending

        approvals = []
        for approvals_item_data in self.approvals:
            approvals_item = approvals_item_data.to_dict()
            approvals.append(approvals_item)

        status: str = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "release_id": release_id,
                "review_round": review_round,
                "required_approvals": required_approvals,
                "approvers": approvers,
                "approved_by": approved_by,
                "pending": pending,
                "approvals": approvals,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval_public import ApprovalPublic  # noqa: PLC0415

        d = dict(src_dict)
        release_id = UUID(d.pop("release_id"))

        review_round = d.pop("review_round")

        required_approvals = d.pop("required_approvals")

        approvers = cast(list[str], d.pop("approvers"))

        approved_by = cast(list[str], d.pop("approved_by"))

        pending = cast(list[str], d.pop("pending"))

        approvals = []
        _approvals = d.pop("approvals")
        for approvals_item_data in _approvals:
            approvals_item = ApprovalPublic.from_dict(approvals_item_data)

            approvals.append(approvals_item)

        status = check_approval_state_status(d.pop("status"))

        approval_state = cls(
            release_id=release_id,
            review_round=review_round,
            required_approvals=required_approvals,
            approvers=approvers,
            approved_by=approved_by,
            pending=pending,
            approvals=approvals,
            status=status,
        )

        approval_state.additional_properties = d
        return approval_state

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
