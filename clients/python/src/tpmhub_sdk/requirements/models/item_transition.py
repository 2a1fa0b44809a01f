from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.item_transition_to import ItemTransitionTo, check_item_transition_to
from ..types import UNSET, Unset

T = TypeVar("T", bound="ItemTransition")


@_attrs_define
class ItemTransition:
    """Move an item through its workflow: backlog → ready → in_progress → in_review → done; wont_do from
    anywhere; from done or wont_do back to backlog or ready (reopen).

        Attributes:
            to (ItemTransitionTo):
            note (None | str | Unset):
    """

    to: ItemTransitionTo
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        to: str = self.to

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to": to,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = check_item_transition_to(d.pop("to"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        item_transition = cls(
            to=to,
            note=note,
        )

        return item_transition
