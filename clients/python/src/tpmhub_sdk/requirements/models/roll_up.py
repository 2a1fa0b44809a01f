from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.children_by_status import ChildrenByStatus


T = TypeVar("T", bound="RollUp")


@_attrs_define
class RollUp:
    """Totals over every descendant of the item (children, grandchildren, …).

    Attributes:
        points_total (float | Unset):  Default: 0.0.
        points_done (float | Unset):  Default: 0.0.
        descendants (int | Unset):  Default: 0.
        children_by_status (ChildrenByStatus | Unset):
    """

    points_total: float | Unset = 0.0
    points_done: float | Unset = 0.0
    descendants: int | Unset = 0
    children_by_status: ChildrenByStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        points_total = self.points_total

        points_done = self.points_done

        descendants = self.descendants

        children_by_status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.children_by_status, Unset):
            children_by_status = self.children_by_status.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if points_total is not UNSET:
            field_dict["points_total"] = points_total
        if points_done is not UNSET:
            field_dict["points_done"] = points_done
        if descendants is not UNSET:
            field_dict["descendants"] = descendants
        if children_by_status is not UNSET:
            field_dict["children_by_status"] = children_by_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.children_by_status import ChildrenByStatus  # noqa: PLC0415

        d = dict(src_dict)
        points_total = d.pop("points_total", UNSET)

        points_done = d.pop("points_done", UNSET)

        descendants = d.pop("descendants", UNSET)

        _children_by_status = d.pop("children_by_status", UNSET)
        children_by_status: ChildrenByStatus | Unset
        if isinstance(_children_by_status, Unset):
            children_by_status = UNSET
        else:
            children_by_status = ChildrenByStatus.from_dict(_children_by_status)

        roll_up = cls(
            points_total=points_total,
            points_done=points_done,
            descendants=descendants,
            children_by_status=children_by_status,
        )

        roll_up.additional_properties = d
        return roll_up

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
