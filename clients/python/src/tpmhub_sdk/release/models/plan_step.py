from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.plan_step_kind import PlanStepKind, check_plan_step_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanStep")


@_attrs_define
class PlanStep:
    """One step of the deploy plan; `depends_on` names steps that must finish first (a DAG).

    Attributes:
        name (str): Unique within the release.
        component (str): The service or component the step acts on.
        kind (PlanStepKind):
        depends_on (list[str] | Unset):
        owner (None | str | Unset):
        description (str | Unset):  Default: ''.
        rollback (str | Unset): How to undo the step; required for migrations. Default: ''.
    """

    name: str
    component: str
    kind: PlanStepKind
    depends_on: list[str] | Unset = UNSET
    owner: None | str | Unset = UNSET
    description: str | Unset = ""
    rollback: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        component = self.component

        kind: str = self.kind

        depends_on: list[str] | Unset = UNSET
        if not isinstance(self.depends_on, Unset):
            depends_on = self.depends_on

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        description = self.description

        rollback = self.rollback

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "component": component,
                "kind": kind,
            }
        )
        if depends_on is not UNSET:
            field_dict["depends_on"] = depends_on
        if owner is not UNSET:
            field_dict["owner"] = owner
        if description is not UNSET:
            field_dict["description"] = description
        if rollback is not UNSET:
            field_dict["rollback"] = rollback

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        component = d.pop("component")

        kind = check_plan_step_kind(d.pop("kind"))

        depends_on = cast(list[str], d.pop("depends_on", UNSET))

        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        description = d.pop("description", UNSET)

        rollback = d.pop("rollback", UNSET)

        plan_step = cls(
            name=name,
            component=component,
            kind=kind,
            depends_on=depends_on,
            owner=owner,
            description=description,
            rollback=rollback,
        )

        return plan_step
