from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.rollout_update_on_breach_type_0 import (
    RolloutUpdateOnBreachType0,
    check_rollout_update_on_breach_type_0,
)
from ..models.rollout_update_unit_kind_type_0 import (
    RolloutUpdateUnitKindType0,
    check_rollout_update_unit_kind_type_0,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stage_create import StageCreate


T = TypeVar("T", bound="RolloutUpdate")


@_attrs_define
class RolloutUpdate:
    """Change a draft rollout (JSON merge patch; the same rules as on create). `stages` replaces all
    stages.

        Attributes:
            name (None | str | Unset):
            environment (None | str | Unset):
            unit_kind (None | RolloutUpdateUnitKindType0 | Unset):
            group_id (None | str | Unset):
            stages (list[StageCreate] | None | Unset):
            on_breach (None | RolloutUpdateOnBreachType0 | Unset):
            breach_threshold (int | None | Unset):
    """

    name: None | str | Unset = UNSET
    environment: None | str | Unset = UNSET
    unit_kind: None | RolloutUpdateUnitKindType0 | Unset = UNSET
    group_id: None | str | Unset = UNSET
    stages: list[StageCreate] | None | Unset = UNSET
    on_breach: None | RolloutUpdateOnBreachType0 | Unset = UNSET
    breach_threshold: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        environment: None | str | Unset
        if isinstance(self.environment, Unset):
            environment = UNSET
        else:
            environment = self.environment

        unit_kind: None | str | Unset
        if isinstance(self.unit_kind, Unset):
            unit_kind = UNSET
        elif isinstance(self.unit_kind, str):
            unit_kind = self.unit_kind
        else:
            unit_kind = self.unit_kind

        group_id: None | str | Unset
        if isinstance(self.group_id, Unset):
            group_id = UNSET
        else:
            group_id = self.group_id

        stages: list[dict[str, Any]] | None | Unset
        if isinstance(self.stages, Unset):
            stages = UNSET
        elif isinstance(self.stages, list):
            stages = []
            for stages_type_0_item_data in self.stages:
                stages_type_0_item = stages_type_0_item_data.to_dict()
                stages.append(stages_type_0_item)

        else:
            stages = self.stages

        on_breach: None | str | Unset
        if isinstance(self.on_breach, Unset):
            on_breach = UNSET
        elif isinstance(self.on_breach, str):
            on_breach = self.on_breach
        else:
            on_breach = self.on_breach

        breach_threshold: int | None | Unset
        if isinstance(self.breach_threshold, Unset):
            breach_threshold = UNSET
        else:
            breach_threshold = self.breach_threshold

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if environment is not UNSET:
            field_dict["environment"] = environment
        if unit_kind is not UNSET:
            field_dict["unit_kind"] = unit_kind
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if stages is not UNSET:
            field_dict["stages"] = stages
        if on_breach is not UNSET:
            field_dict["on_breach"] = on_breach
        if breach_threshold is not UNSET:
            field_dict["breach_threshold"] = breach_threshold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stage_create import StageCreate  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_environment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        environment = _parse_environment(d.pop("environment", UNSET))

        def _parse_unit_kind(data: object) -> None | RolloutUpdateUnitKindType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unit_kind_type_0 = check_rollout_update_unit_kind_type_0(data)

                return unit_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RolloutUpdateUnitKindType0 | Unset, data)

        unit_kind = _parse_unit_kind(d.pop("unit_kind", UNSET))

        def _parse_group_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group_id = _parse_group_id(d.pop("group_id", UNSET))

        def _parse_stages(data: object) -> list[StageCreate] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                stages_type_0 = []
                _stages_type_0 = data
                for stages_type_0_item_data in _stages_type_0:
                    stages_type_0_item = StageCreate.from_dict(stages_type_0_item_data)

                    stages_type_0.append(stages_type_0_item)

                return stages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[StageCreate] | None | Unset, data)

        stages = _parse_stages(d.pop("stages", UNSET))

        def _parse_on_breach(data: object) -> None | RolloutUpdateOnBreachType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_breach_type_0 = check_rollout_update_on_breach_type_0(data)

                return on_breach_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RolloutUpdateOnBreachType0 | Unset, data)

        on_breach = _parse_on_breach(d.pop("on_breach", UNSET))

        def _parse_breach_threshold(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        breach_threshold = _parse_breach_threshold(d.pop("breach_threshold", UNSET))

        rollout_update = cls(
            name=name,
            environment=environment,
            unit_kind=unit_kind,
            group_id=group_id,
            stages=stages,
            on_breach=on_breach,
            breach_threshold=breach_threshold,
        )

        return rollout_update
