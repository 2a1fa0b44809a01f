from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.health_public_computed_status import (
    HealthPublicComputedStatus,
    check_health_public_computed_status,
)
from ..models.health_public_status import HealthPublicStatus, check_health_public_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fired_rule import FiredRule
    from ..models.health_override_public import HealthOverridePublic
    from ..models.sources import Sources


T = TypeVar("T", bound="HealthPublic")


@_attrs_define
class HealthPublic:
    """A project's health: `status` is the override if one is set, else the computed status.

    Attributes:
        project_key (str):
        status (HealthPublicStatus):
        computed_status (HealthPublicComputedStatus):
        rules (list[FiredRule]): Every rule that fired, worst first.
        velocity_points_per_day (float):
        complete (bool): False when a sibling did not answer: rules needing it were not evaluated.
        sources (Sources):
        evaluated_at (datetime.datetime):
        override (HealthOverridePublic | None | Unset):
    """

    project_key: str
    status: HealthPublicStatus
    computed_status: HealthPublicComputedStatus
    rules: list[FiredRule]
    velocity_points_per_day: float
    complete: bool
    sources: Sources
    evaluated_at: datetime.datetime
    override: HealthOverridePublic | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.health_override_public import HealthOverridePublic  # noqa: PLC0415

        project_key = self.project_key

        status: str = self.status

        computed_status: str = self.computed_status

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        velocity_points_per_day = self.velocity_points_per_day

        complete = self.complete

        sources = self.sources.to_dict()

        evaluated_at = self.evaluated_at.isoformat()

        override: dict[str, Any] | None | Unset
        if isinstance(self.override, Unset):
            override = UNSET
        elif isinstance(self.override, HealthOverridePublic):
            override = self.override.to_dict()
        else:
            override = self.override

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_key": project_key,
                "status": status,
                "computed_status": computed_status,
                "rules": rules,
                "velocity_points_per_day": velocity_points_per_day,
                "complete": complete,
                "sources": sources,
                "evaluated_at": evaluated_at,
            }
        )
        if override is not UNSET:
            field_dict["override"] = override

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fired_rule import FiredRule  # noqa: PLC0415
        from ..models.health_override_public import HealthOverridePublic  # noqa: PLC0415
        from ..models.sources import Sources  # noqa: PLC0415

        d = dict(src_dict)
        project_key = d.pop("project_key")

        status = check_health_public_status(d.pop("status"))

        computed_status = check_health_public_computed_status(d.pop("computed_status"))

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = FiredRule.from_dict(rules_item_data)

            rules.append(rules_item)

        velocity_points_per_day = d.pop("velocity_points_per_day")

        complete = d.pop("complete")

        sources = Sources.from_dict(d.pop("sources"))

        evaluated_at = datetime.datetime.fromisoformat(d.pop("evaluated_at"))

        def _parse_override(data: object) -> HealthOverridePublic | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                override_type_0 = HealthOverridePublic.from_dict(data)

                return override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HealthOverridePublic | None | Unset, data)

        override = _parse_override(d.pop("override", UNSET))

        health_public = cls(
            project_key=project_key,
            status=status,
            computed_status=computed_status,
            rules=rules,
            velocity_points_per_day=velocity_points_per_day,
            complete=complete,
            sources=sources,
            evaluated_at=evaluated_at,
            override=override,
        )

        health_public.additional_properties = d
        return health_public

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
