from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_patches_to_apply import ItemPatchesToApply


T = TypeVar("T", bound="ChangeRequestCreate")


@_attrs_define
class ChangeRequestCreate:
    """A proposed change (需求变更): what changes, why, and which items and PRD sections it touches. The
    service computes the impact.

        Attributes:
            title (str):
            reason (str | Unset):  Default: ''.
            proposed_change (str | Unset):  Default: ''.
            affected_items (list[str] | Unset):
            affected_prd_sections (list[str] | Unset):
            item_patches (ItemPatchesToApply | Unset): Field changes applied to items when the request is applied (keys join
                affected_items).
            effort_delta_points (float | Unset): Points of new work not yet captured as items. Default: 0.0.
            date_delta_days (int | Unset): Expected schedule slip in days. Default: 0.
    """

    title: str
    reason: str | Unset = ""
    proposed_change: str | Unset = ""
    affected_items: list[str] | Unset = UNSET
    affected_prd_sections: list[str] | Unset = UNSET
    item_patches: ItemPatchesToApply | Unset = UNSET
    effort_delta_points: float | Unset = 0.0
    date_delta_days: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        reason = self.reason

        proposed_change = self.proposed_change

        affected_items: list[str] | Unset = UNSET
        if not isinstance(self.affected_items, Unset):
            affected_items = self.affected_items

        affected_prd_sections: list[str] | Unset = UNSET
        if not isinstance(self.affected_prd_sections, Unset):
            affected_prd_sections = self.affected_prd_sections

        item_patches: dict[str, Any] | Unset = UNSET
        if not isinstance(self.item_patches, Unset):
            item_patches = self.item_patches.to_dict()

        effort_delta_points = self.effort_delta_points

        date_delta_days = self.date_delta_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
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
        from ..models.item_patches_to_apply import ItemPatchesToApply  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        reason = d.pop("reason", UNSET)

        proposed_change = d.pop("proposed_change", UNSET)

        affected_items = cast(list[str], d.pop("affected_items", UNSET))

        affected_prd_sections = cast(list[str], d.pop("affected_prd_sections", UNSET))

        _item_patches = d.pop("item_patches", UNSET)
        item_patches: ItemPatchesToApply | Unset
        if isinstance(_item_patches, Unset):
            item_patches = UNSET
        else:
            item_patches = ItemPatchesToApply.from_dict(_item_patches)

        effort_delta_points = d.pop("effort_delta_points", UNSET)

        date_delta_days = d.pop("date_delta_days", UNSET)

        change_request_create = cls(
            title=title,
            reason=reason,
            proposed_change=proposed_change,
            affected_items=affected_items,
            affected_prd_sections=affected_prd_sections,
            item_patches=item_patches,
            effort_delta_points=effort_delta_points,
            date_delta_days=date_delta_days,
        )

        return change_request_create
