from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="FreezeExceptionCreate")


@_attrs_define
class FreezeExceptionCreate:
    """Ask to deploy this release during a freeze window.

    Attributes:
        freeze_window_id (UUID):
        reason (str):
    """

    freeze_window_id: UUID
    reason: str

    def to_dict(self) -> dict[str, Any]:
        freeze_window_id = str(self.freeze_window_id)

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "freeze_window_id": freeze_window_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        freeze_window_id = UUID(d.pop("freeze_window_id"))

        reason = d.pop("reason")

        freeze_exception_create = cls(
            freeze_window_id=freeze_window_id,
            reason=reason,
        )

        return freeze_exception_create
