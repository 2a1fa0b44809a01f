from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.action_item_in import ActionItemIn


T = TypeVar("T", bound="RetrospectiveUpdate")


@_attrs_define
class RetrospectiveUpdate:
    """Edit the retrospective (merge patch); `action_items` replaces the list.

    Attributes:
        summary (None | str | Unset):
        went_well (list[str] | None | Unset):
        went_badly (list[str] | None | Unset):
        action_items (list[ActionItemIn] | None | Unset):
    """

    summary: None | str | Unset = UNSET
    went_well: list[str] | None | Unset = UNSET
    went_badly: list[str] | None | Unset = UNSET
    action_items: list[ActionItemIn] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        went_well: list[str] | None | Unset
        if isinstance(self.went_well, Unset):
            went_well = UNSET
        elif isinstance(self.went_well, list):
            went_well = self.went_well

        else:
            went_well = self.went_well

        went_badly: list[str] | None | Unset
        if isinstance(self.went_badly, Unset):
            went_badly = UNSET
        elif isinstance(self.went_badly, list):
            went_badly = self.went_badly

        else:
            went_badly = self.went_badly

        action_items: list[dict[str, Any]] | None | Unset
        if isinstance(self.action_items, Unset):
            action_items = UNSET
        elif isinstance(self.action_items, list):
            action_items = []
            for action_items_type_0_item_data in self.action_items:
                action_items_type_0_item = action_items_type_0_item_data.to_dict()
                action_items.append(action_items_type_0_item)

        else:
            action_items = self.action_items

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if summary is not UNSET:
            field_dict["summary"] = summary
        if went_well is not UNSET:
            field_dict["went_well"] = went_well
        if went_badly is not UNSET:
            field_dict["went_badly"] = went_badly
        if action_items is not UNSET:
            field_dict["action_items"] = action_items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_item_in import ActionItemIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_went_well(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                went_well_type_0 = cast(list[str], data)

                return went_well_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        went_well = _parse_went_well(d.pop("went_well", UNSET))

        def _parse_went_badly(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                went_badly_type_0 = cast(list[str], data)

                return went_badly_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        went_badly = _parse_went_badly(d.pop("went_badly", UNSET))

        def _parse_action_items(data: object) -> list[ActionItemIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                action_items_type_0 = []
                _action_items_type_0 = data
                for action_items_type_0_item_data in _action_items_type_0:
                    action_items_type_0_item = ActionItemIn.from_dict(action_items_type_0_item_data)

                    action_items_type_0.append(action_items_type_0_item)

                return action_items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ActionItemIn] | None | Unset, data)

        action_items = _parse_action_items(d.pop("action_items", UNSET))

        retrospective_update = cls(
            summary=summary,
            went_well=went_well,
            went_badly=went_badly,
            action_items=action_items,
        )

        return retrospective_update
