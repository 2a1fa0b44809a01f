from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CiCommit")


@_attrs_define
class CiCommit:
    """
    Attributes:
        sha (str):
        message (str | Unset):  Default: ''.
    """

    sha: str
    message: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        sha = self.sha

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sha": sha,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sha = d.pop("sha")

        message = d.pop("message", UNSET)

        ci_commit = cls(
            sha=sha,
            message=message,
        )

        return ci_commit
