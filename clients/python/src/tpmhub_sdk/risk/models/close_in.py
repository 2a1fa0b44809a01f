from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.close_in_reason import CloseInReason, check_close_in_reason
from ..types import UNSET, Unset

T = TypeVar("T", bound="CloseIn")


@_attrs_define
class CloseIn:
    """Close a risk: why (a reason code) and the rationale (a comment), both required. With open
    mitigation actions only a tpm/admin may, with `force` (the open actions are then cancelled).

        Attributes:
            reason (CloseInReason): `mitigated`: the response worked; `occurred_and_handled`: it happened and was dealt
                with; `no_longer_applicable`: the cause is gone (scope or plan changed); `accepted`: the exposure is knowingly
                kept.
            comment (str): The rationale, shown in the risk's history and in the closing archive (not blank).
            force (bool | Unset):  Default: False.
    """

    reason: CloseInReason
    comment: str
    force: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        reason: str = self.reason

        comment = self.comment

        force = self.force

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "comment": comment,
            }
        )
        if force is not UNSET:
            field_dict["force"] = force

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = check_close_in_reason(d.pop("reason"))

        comment = d.pop("comment")

        force = d.pop("force", UNSET)

        close_in = cls(
            reason=reason,
            comment=comment,
            force=force,
        )

        return close_in
