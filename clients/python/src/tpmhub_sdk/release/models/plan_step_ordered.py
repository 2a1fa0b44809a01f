from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanStepOrdered")


@_attrs_define
class PlanStepOrdered:
    """
    Attributes:
        name (str):
        component (str):
        kind (str):
        depends_on (list[str]):
        owner (None | str):
        rollback (str):
        level (int): Steps of one level may run in parallel.
    """

    name: str
    component: str
    kind: str
    depends_on: list[str]
    owner: None | str
    rollback: str
    level: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        component = self.component

        kind = self.kind

        depends_on = self.depends_on

        owner: None | str
        owner = self.owner

        rollback = self.rollback

        level = self.level

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "component": component,
                "kind": kind,
                "depends_on": depends_on,
                "owner": owner,
                "rollback": rollback,
                "level": level,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        component = d.pop("component")

        kind = d.pop("kind")

        depends_on = cast(list[str], d.pop("depends_on"))

        def _parse_owner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner = _parse_owner(d.pop("owner"))

        rollback = d.pop("rollback")

        level = d.pop("level")

        plan_step_ordered = cls(
            name=name,
            component=component,
            kind=kind,
            depends_on=depends_on,
            owner=owner,
            rollback=rollback,
            level=level,
        )

        plan_step_ordered.additional_properties = d
        return plan_step_ordered

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
