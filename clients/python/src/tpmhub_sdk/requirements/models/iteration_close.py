from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.iteration_close_unfinished import IterationCloseUnfinished, check_iteration_close_unfinished
from ..types import UNSET, Unset

T = TypeVar("T", bound="IterationClose")


@_attrs_define
class IterationClose:
    """Close the iteration; unfinished items move to the next iteration or back to the backlog.

    Attributes:
        unfinished (IterationCloseUnfinished | Unset): `next`: the given or the next planned iteration (by start date);
            `backlog`: no iteration. Default: 'next'.
        next_iteration_id (None | Unset | UUID): Target when `unfinished` is next.
    """

    unfinished: IterationCloseUnfinished | Unset = "next"
    next_iteration_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        unfinished: str | Unset = UNSET
        if not isinstance(self.unfinished, Unset):
            unfinished = self.unfinished

        next_iteration_id: None | str | Unset
        if isinstance(self.next_iteration_id, Unset):
            next_iteration_id = UNSET
        elif isinstance(self.next_iteration_id, UUID):
            next_iteration_id = str(self.next_iteration_id)
        else:
            next_iteration_id = self.next_iteration_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if unfinished is not UNSET:
            field_dict["unfinished"] = unfinished
        if next_iteration_id is not UNSET:
            field_dict["next_iteration_id"] = next_iteration_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _unfinished = d.pop("unfinished", UNSET)
        unfinished: IterationCloseUnfinished | Unset
        if isinstance(_unfinished, Unset):
            unfinished = UNSET
        else:
            unfinished = check_iteration_close_unfinished(_unfinished)

        def _parse_next_iteration_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_iteration_id_type_0 = UUID(data)

                return next_iteration_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        next_iteration_id = _parse_next_iteration_id(d.pop("next_iteration_id", UNSET))

        iteration_close = cls(
            unfinished=unfinished,
            next_iteration_id=next_iteration_id,
        )

        return iteration_close
