from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ItemLookupRequest")


@_attrs_define
class ItemLookupRequest:
    """Many items (status, type, points and acceptance summary) and PRDs in one call.

    Attributes:
        keys (list[str] | Unset):
        prd_ids (list[UUID] | Unset): PRD ids to look up in the same call (answered in `prds` and `missing_prds`).
        found_in (None | str | Unset): Also return open S1/S2 bugs whose `found_in` is this release version (same
            projects).
        criterion_ids (list[UUID] | Unset): Acceptance criterion ids to look up in the same call (answered in `criteria`
            and `missing_criteria`).
    """

    keys: list[str] | Unset = UNSET
    prd_ids: list[UUID] | Unset = UNSET
    found_in: None | str | Unset = UNSET
    criterion_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        keys: list[str] | Unset = UNSET
        if not isinstance(self.keys, Unset):
            keys = self.keys

        prd_ids: list[str] | Unset = UNSET
        if not isinstance(self.prd_ids, Unset):
            prd_ids = []
            for prd_ids_item_data in self.prd_ids:
                prd_ids_item = str(prd_ids_item_data)
                prd_ids.append(prd_ids_item)

        found_in: None | str | Unset
        if isinstance(self.found_in, Unset):
            found_in = UNSET
        else:
            found_in = self.found_in

        criterion_ids: list[str] | Unset = UNSET
        if not isinstance(self.criterion_ids, Unset):
            criterion_ids = []
            for criterion_ids_item_data in self.criterion_ids:
                criterion_ids_item = str(criterion_ids_item_data)
                criterion_ids.append(criterion_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if keys is not UNSET:
            field_dict["keys"] = keys
        if prd_ids is not UNSET:
            field_dict["prd_ids"] = prd_ids
        if found_in is not UNSET:
            field_dict["found_in"] = found_in
        if criterion_ids is not UNSET:
            field_dict["criterion_ids"] = criterion_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        keys = cast(list[str], d.pop("keys", UNSET))

        _prd_ids = d.pop("prd_ids", UNSET)
        prd_ids: list[UUID] | Unset = UNSET
        if _prd_ids is not UNSET:
            prd_ids = []
            for prd_ids_item_data in _prd_ids:
                prd_ids_item = UUID(prd_ids_item_data)

                prd_ids.append(prd_ids_item)

        def _parse_found_in(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        found_in = _parse_found_in(d.pop("found_in", UNSET))

        _criterion_ids = d.pop("criterion_ids", UNSET)
        criterion_ids: list[UUID] | Unset = UNSET
        if _criterion_ids is not UNSET:
            criterion_ids = []
            for criterion_ids_item_data in _criterion_ids:
                criterion_ids_item = UUID(criterion_ids_item_data)

                criterion_ids.append(criterion_ids_item)

        item_lookup_request = cls(
            keys=keys,
            prd_ids=prd_ids,
            found_in=found_in,
            criterion_ids=criterion_ids,
        )

        return item_lookup_request
