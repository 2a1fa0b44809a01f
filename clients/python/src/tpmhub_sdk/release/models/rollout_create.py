from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.rollout_create_on_breach import RolloutCreateOnBreach, check_rollout_create_on_breach
from ..models.rollout_create_unit_kind import RolloutCreateUnitKind, check_rollout_create_unit_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stage_create import StageCreate


T = TypeVar("T", bound="RolloutCreate")


@_attrs_define
class RolloutCreate:
    """A gray rollout of a release: its stages, who is counted as a unit, and what a guardrail breach does.

    Attributes:
        stages (list[StageCreate]):
        name (str | Unset):  Default: ''.
        environment (str | Unset): Where it rolls out: one of the project's environments or an alias (`prod`), stored as
            the canonical name; the gate is asked for it on start and every advance. Unknown names are 422. Default:
            'production'.
        unit_kind (RolloutCreateUnitKind | Unset): What a unit id names. Default: 'user'.
        group_id (None | str | Unset): Hash group (Unleash `groupId`): rollouts sharing it expose the same units.
            Default: a random per-rollout salt.
        on_breach (RolloutCreateOnBreach | Unset): What happens at the breach threshold. Default: 'pause'.
        breach_threshold (int | Unset): Failed guardrail checks within one stage that trigger `on_breach`. Default: 3.
        bake_seconds (int | Unset): After the last stage, hold at 100% this long with the last stage's guardrails still
            judged before the rollout completes (0: complete at once). A breach during the bake acts as in any stage;
            completion comes only once the bake has passed. Default: 0.
    """

    stages: list[StageCreate]
    name: str | Unset = ""
    environment: str | Unset = "production"
    unit_kind: RolloutCreateUnitKind | Unset = "user"
    group_id: None | str | Unset = UNSET
    on_breach: RolloutCreateOnBreach | Unset = "pause"
    breach_threshold: int | Unset = 3
    bake_seconds: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        name = self.name

        environment = self.environment

        unit_kind: str | Unset = UNSET
        if not isinstance(self.unit_kind, Unset):
            unit_kind = self.unit_kind

        group_id: None | str | Unset
        if isinstance(self.group_id, Unset):
            group_id = UNSET
        else:
            group_id = self.group_id

        on_breach: str | Unset = UNSET
        if not isinstance(self.on_breach, Unset):
            on_breach = self.on_breach

        breach_threshold = self.breach_threshold

        bake_seconds = self.bake_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "stages": stages,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if environment is not UNSET:
            field_dict["environment"] = environment
        if unit_kind is not UNSET:
            field_dict["unit_kind"] = unit_kind
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if on_breach is not UNSET:
            field_dict["on_breach"] = on_breach
        if breach_threshold is not UNSET:
            field_dict["breach_threshold"] = breach_threshold
        if bake_seconds is not UNSET:
            field_dict["bake_seconds"] = bake_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stage_create import StageCreate  # noqa: PLC0415

        d = dict(src_dict)
        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = StageCreate.from_dict(stages_item_data)

            stages.append(stages_item)

        name = d.pop("name", UNSET)

        environment = d.pop("environment", UNSET)

        _unit_kind = d.pop("unit_kind", UNSET)
        unit_kind: RolloutCreateUnitKind | Unset
        if isinstance(_unit_kind, Unset):
            unit_kind = UNSET
        else:
            unit_kind = check_rollout_create_unit_kind(_unit_kind)

        def _parse_group_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group_id = _parse_group_id(d.pop("group_id", UNSET))

        _on_breach = d.pop("on_breach", UNSET)
        on_breach: RolloutCreateOnBreach | Unset
        if isinstance(_on_breach, Unset):
            on_breach = UNSET
        else:
            on_breach = check_rollout_create_on_breach(_on_breach)

        breach_threshold = d.pop("breach_threshold", UNSET)

        bake_seconds = d.pop("bake_seconds", UNSET)

        rollout_create = cls(
            stages=stages,
            name=name,
            environment=environment,
            unit_kind=unit_kind,
            group_id=group_id,
            on_breach=on_breach,
            breach_threshold=breach_threshold,
            bake_seconds=bake_seconds,
        )

        return rollout_create
