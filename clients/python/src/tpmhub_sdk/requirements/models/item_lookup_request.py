from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ItemLookupRequest")


@_attrs_define
class ItemLookupRequest:
    """Many items in one call: status, type, points and acceptance summary.

    Attributes:
        keys (list[str]):
        found_in (None | str | Unset): Also return open S1/S2 bugs whose `found_in` is this release version (same
            projects).
    """

    keys: list[str]
    found_in: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        keys = self.keys

        found_in: None | str | Unset
        if isinstance(self.found_in, Unset):
            found_in = UNSET
        else:
            found_in = self.found_in

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "keys": keys,
            }
        )
        if found_in is not UNSET:
            field_dict["found_in"] = found_in

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        keys = cast(list[str], d.pop("keys"))

        def _parse_found_in(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        found_in = _parse_found_in(d.pop("found_in", UNSET))

        item_lookup_request = cls(
            keys=keys,
            found_in=found_in,
        )

        return item_lookup_request
