from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.change_request_update_item_patches_type_0 import ChangeRequestUpdateItemPatchesType0


T = TypeVar("T", bound="ChangeRequestUpdate")


@_attrs_define
class ChangeRequestUpdate:
    """Fields to change while the request is proposed (JSON merge patch); the impact is recomputed.

    Attributes:
        title (None | str | Unset):
        reason (None | str | Unset):
        proposed_change (None | str | Unset):
        affected_items (list[str] | None | Unset):
        affected_prd_sections (list[str] | None | Unset):
        item_patches (ChangeRequestUpdateItemPatchesType0 | None | Unset):
        effort_delta_points (float | None | Unset):
        date_delta_days (int | None | Unset):
    """

    title: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    proposed_change: None | str | Unset = UNSET
    affected_items: list[str] | None | Unset = UNSET
    affected_prd_sections: list[str] | None | Unset = UNSET
    item_patches: ChangeRequestUpdateItemPatchesType0 | None | Unset = UNSET
    effort_delta_points: float | None | Unset = UNSET
    date_delta_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.change_request_update_item_patches_type_0 import ChangeRequestUpdateItemPatchesType0  # noqa: PLC0415

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        proposed_change: None | str | Unset
        if isinstance(self.proposed_change, Unset):
            proposed_change = UNSET
        else:
            proposed_change = self.proposed_change

        affected_items: list[str] | None | Unset
        if isinstance(self.affected_items, Unset):
            affected_items = UNSET
        elif isinstance(self.affected_items, list):
            affected_items = self.affected_items

        else:
            affected_items = self.affected_items

        affected_prd_sections: list[str] | None | Unset
        if isinstance(self.affected_prd_sections, Unset):
            affected_prd_sections = UNSET
        elif isinstance(self.affected_prd_sections, list):
            affected_prd_sections = self.affected_prd_sections

        else:
            affected_prd_sections = self.affected_prd_sections

        item_patches: dict[str, Any] | None | Unset
        if isinstance(self.item_patches, Unset):
            item_patches = UNSET
        elif isinstance(self.item_patches, ChangeRequestUpdateItemPatchesType0):
            item_patches = self.item_patches.to_dict()
        else:
            item_patches = self.item_patches

        effort_delta_points: float | None | Unset
        if isinstance(self.effort_delta_points, Unset):
            effort_delta_points = UNSET
        else:
            effort_delta_points = self.effort_delta_points

        date_delta_days: int | None | Unset
        if isinstance(self.date_delta_days, Unset):
            date_delta_days = UNSET
        else:
            date_delta_days = self.date_delta_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if reason is not UNSET:
            field_dict["reason"] = reason
        if proposed_change is not UNSET:
            field_dict["proposed_change"] = proposed_change
        if affected_items is not UNSET:
            field_dict["affected_items"] = affected_items
        if affected_prd_sections is not UNSET:
            field_dict["affected_prd_sections"] = affected_prd_sections
        if item_patches is not UNSET:
            field_dict["item_patches"] = item_patches
        if effort_delta_points is not UNSET:
            field_dict["effort_delta_points"] = effort_delta_points
        if date_delta_days is not UNSET:
            field_dict["date_delta_days"] = date_delta_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_request_update_item_patches_type_0 import ChangeRequestUpdateItemPatchesType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_proposed_change(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        proposed_change = _parse_proposed_change(d.pop("proposed_change", UNSET))

        def _parse_affected_items(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                affected_items_type_0 = cast(list[str], data)

                return affected_items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        affected_items = _parse_affected_items(d.pop("affected_items", UNSET))

        def _parse_affected_prd_sections(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                affected_prd_sections_type_0 = cast(list[str], data)

                return affected_prd_sections_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        affected_prd_sections = _parse_affected_prd_sections(d.pop("affected_prd_sections", UNSET))

        def _parse_item_patches(data: object) -> ChangeRequestUpdateItemPatchesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                item_patches_type_0 = ChangeRequestUpdateItemPatchesType0.from_dict(data)

                return item_patches_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangeRequestUpdateItemPatchesType0 | None | Unset, data)

        item_patches = _parse_item_patches(d.pop("item_patches", UNSET))

        def _parse_effort_delta_points(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        effort_delta_points = _parse_effort_delta_points(d.pop("effort_delta_points", UNSET))

        def _parse_date_delta_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        date_delta_days = _parse_date_delta_days(d.pop("date_delta_days", UNSET))

        change_request_update = cls(
            title=title,
            reason=reason,
            proposed_change=proposed_change,
            affected_items=affected_items,
            affected_prd_sections=affected_prd_sections,
            item_patches=item_patches,
            effort_delta_points=effort_delta_points,
            date_delta_days=date_delta_days,
        )

        return change_request_update
