from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AdvanceRequest")


@_attrs_define
class AdvanceRequest:
    """Advance to the next stage (or, with `complete`, finish).

    Attributes:
        reason (None | str | Unset):
        override_hold (bool | Unset): tpm/admin only, with a reason: advance before the minimum hold has passed.
            Default: False.
    """

    reason: None | str | Unset = UNSET
    override_hold: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        override_hold = self.override_hold

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reason is not UNSET:
            field_dict["reason"] = reason
        if override_hold is not UNSET:
            field_dict["override_hold"] = override_hold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        override_hold = d.pop("override_hold", UNSET)

        advance_request = cls(
            reason=reason,
            override_hold=override_hold,
        )

        return advance_request
