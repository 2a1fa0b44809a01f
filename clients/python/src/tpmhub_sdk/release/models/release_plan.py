from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.plan_step_ordered import PlanStepOrdered


T = TypeVar("T", bound="ReleasePlan")


@_attrs_define
class ReleasePlan:
    """The deploy plan in dependency order, and the reverse order for rolling back.

    Attributes:
        release_id (UUID):
        order (list[PlanStepOrdered]):
        rollback_order (list[PlanStepOrdered]):
        components (list[str]):
    """

    release_id: UUID
    order: list[PlanStepOrdered]
    rollback_order: list[PlanStepOrdered]
    components: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        release_id = str(self.release_id)

        order = []
        for order_item_data in self.order:
            order_item = order_item_data.to_dict()
            order.append(order_item)

        rollback_order = []
        for rollback_order_item_data in self.rollback_order:
            rollback_order_item = rollback_order_item_data.to_dict()
            rollback_order.append(rollback_order_item)

        components = self.components

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "release_id": release_id,
                "order": order,
                "rollback_order": rollback_order,
                "components": components,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_step_ordered import PlanStepOrdered  # noqa: PLC0415

        d = dict(src_dict)
        release_id = UUID(d.pop("release_id"))

        order = []
        _order = d.pop("order")
        for order_item_data in _order:
            order_item = PlanStepOrdered.from_dict(order_item_data)

            order.append(order_item)

        rollback_order = []
        _rollback_order = d.pop("rollback_order")
        for rollback_order_item_data in _rollback_order:
            rollback_order_item = PlanStepOrdered.from_dict(rollback_order_item_data)

            rollback_order.append(rollback_order_item)

        components = cast(list[str], d.pop("components"))

        release_plan = cls(
            release_id=release_id,
            order=order,
            rollback_order=rollback_order,
            components=components,
        )

        release_plan.additional_properties = d
        return release_plan

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
