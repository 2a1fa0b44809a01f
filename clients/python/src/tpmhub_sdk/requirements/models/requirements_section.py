from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.change_request_ref import ChangeRequestRef
    from ..models.document_ref import DocumentRef


T = TypeVar("T", bound="RequirementsSection")


@_attrs_define
class RequirementsSection:
    """
    Attributes:
        approved (list[DocumentRef]): PRD and design versions approved in the period.
        in_review (list[DocumentRef]): PRDs and designs waiting for review, longest first.
        open_change_requests (list[ChangeRequestRef]):
        decided_change_requests (list[ChangeRequestRef]): Decided in the period.
        available (bool | Unset):  Default: True.
        reason (None | str | Unset):
    """

    approved: list[DocumentRef]
    in_review: list[DocumentRef]
    open_change_requests: list[ChangeRequestRef]
    decided_change_requests: list[ChangeRequestRef]
    available: bool | Unset = True
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved = []
        for approved_item_data in self.approved:
            approved_item = approved_item_data.to_dict()
            approved.append(approved_item)

        in_review = []
        for in_review_item_data in self.in_review:
            in_review_item = in_review_item_data.to_dict()
            in_review.append(in_review_item)

        open_change_requests = []
        for open_change_requests_item_data in self.open_change_requests:
            open_change_requests_item = open_change_requests_item_data.to_dict()
            open_change_requests.append(open_change_requests_item)

        decided_change_requests = []
        for decided_change_requests_item_data in self.decided_change_requests:
            decided_change_requests_item = decided_change_requests_item_data.to_dict()
            decided_change_requests.append(decided_change_requests_item)

        available = self.available

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved": approved,
                "in_review": in_review,
                "open_change_requests": open_change_requests,
                "decided_change_requests": decided_change_requests,
            }
        )
        if available is not UNSET:
            field_dict["available"] = available
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_request_ref import ChangeRequestRef  # noqa: PLC0415
        from ..models.document_ref import DocumentRef  # noqa: PLC0415

        d = dict(src_dict)
        approved = []
        _approved = d.pop("approved")
        for approved_item_data in _approved:
            approved_item = DocumentRef.from_dict(approved_item_data)

            approved.append(approved_item)

        in_review = []
        _in_review = d.pop("in_review")
        for in_review_item_data in _in_review:
            in_review_item = DocumentRef.from_dict(in_review_item_data)

            in_review.append(in_review_item)

        open_change_requests = []
        _open_change_requests = d.pop("open_change_requests")
        for open_change_requests_item_data in _open_change_requests:
            open_change_requests_item = ChangeRequestRef.from_dict(open_change_requests_item_data)

            open_change_requests.append(open_change_requests_item)

        decided_change_requests = []
        _decided_change_requests = d.pop("decided_change_requests")
        for decided_change_requests_item_data in _decided_change_requests:
            decided_change_requests_item = ChangeRequestRef.from_dict(decided_change_requests_item_data)

            decided_change_requests.append(decided_change_requests_item)

        available = d.pop("available", UNSET)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        requirements_section = cls(
            approved=approved,
            in_review=in_review,
            open_change_requests=open_change_requests,
            decided_change_requests=decided_change_requests,
            available=available,
            reason=reason,
        )

        requirements_section.additional_properties = d
        return requirements_section

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
