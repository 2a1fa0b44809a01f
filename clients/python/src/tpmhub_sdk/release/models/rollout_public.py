from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rollout_public_on_breach import RolloutPublicOnBreach, check_rollout_public_on_breach
from ..models.rollout_public_status import RolloutPublicStatus, check_rollout_public_status
from ..models.rollout_public_unit_kind import RolloutPublicUnitKind, check_rollout_public_unit_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gate_hold import GateHold
    from ..models.inconclusive_hold import InconclusiveHold
    from ..models.stage_public import StagePublic


T = TypeVar("T", bound="RolloutPublic")


@_attrs_define
class RolloutPublic:
    """A rollout and where it stands.

    Attributes:
        id (UUID):
        release_id (UUID):
        project_key (str):
        name (str):
        environment (str):
        status (RolloutPublicStatus):
        unit_kind (RolloutPublicUnitKind):
        group_id (str):
        stages (list[StagePublic]):
        current_stage (int): Index of the current stage (0-based).
        current_percent (int): Share of units exposed now (0 before start and after rollback, 100 after completion).
        stage_started_at (datetime.datetime | None):
        hold_until (datetime.datetime | None): When the current stage's minimum hold ends.
        pause_reason (None | str):
        on_breach (RolloutPublicOnBreach):
        breach_threshold (int):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
        created_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        revision (int): Optimistic-concurrency counter, as in the ETag.
        allowed_actions (list[str]): Actions allowed from the current state.
        gate_hold (GateHold | None | Unset): Set while an automatic advance waits because the gate denies it.
        abort_reason (None | str | Unset): Why a person aborted the rollout (status `aborted`).
        bake_seconds (int | Unset): Bake after the last stage (0: none). Default: 0.
        baking (bool | Unset): In the bake after the last stage, at 100%. Default: False.
        bake_until (datetime.datetime | None | Unset): When the bake ends (while baking).
        inconclusive_hold (InconclusiveHold | None | Unset): Set when the scheduler paused the current stage on an
            inconclusive guardrail.
    """

    id: UUID
    release_id: UUID
    project_key: str
    name: str
    environment: str
    status: RolloutPublicStatus
    unit_kind: RolloutPublicUnitKind
    group_id: str
    stages: list[StagePublic]
    current_stage: int
    current_percent: int
    stage_started_at: datetime.datetime | None
    hold_until: datetime.datetime | None
    pause_reason: None | str
    on_breach: RolloutPublicOnBreach
    breach_threshold: int
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    created_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    revision: int
    allowed_actions: list[str]
    gate_hold: GateHold | None | Unset = UNSET
    abort_reason: None | str | Unset = UNSET
    bake_seconds: int | Unset = 0
    baking: bool | Unset = False
    bake_until: datetime.datetime | None | Unset = UNSET
    inconclusive_hold: InconclusiveHold | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.gate_hold import GateHold  # noqa: PLC0415
        from ..models.inconclusive_hold import InconclusiveHold  # noqa: PLC0415

        id = str(self.id)

        release_id = str(self.release_id)

        project_key = self.project_key

        name = self.name

        environment = self.environment

        status: str = self.status

        unit_kind: str = self.unit_kind

        group_id = self.group_id

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        current_stage = self.current_stage

        current_percent = self.current_percent

        stage_started_at: None | str
        if isinstance(self.stage_started_at, datetime.datetime):
            stage_started_at = self.stage_started_at.isoformat()
        else:
            stage_started_at = self.stage_started_at

        hold_until: None | str
        if isinstance(self.hold_until, datetime.datetime):
            hold_until = self.hold_until.isoformat()
        else:
            hold_until = self.hold_until

        pause_reason: None | str
        pause_reason = self.pause_reason

        on_breach: str = self.on_breach

        breach_threshold = self.breach_threshold

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        revision = self.revision

        allowed_actions = self.allowed_actions

        gate_hold: dict[str, Any] | None | Unset
        if isinstance(self.gate_hold, Unset):
            gate_hold = UNSET
        elif isinstance(self.gate_hold, GateHold):
            gate_hold = self.gate_hold.to_dict()
        else:
            gate_hold = self.gate_hold

        abort_reason: None | str | Unset
        if isinstance(self.abort_reason, Unset):
            abort_reason = UNSET
        else:
            abort_reason = self.abort_reason

        bake_seconds = self.bake_seconds

        baking = self.baking

        bake_until: None | str | Unset
        if isinstance(self.bake_until, Unset):
            bake_until = UNSET
        elif isinstance(self.bake_until, datetime.datetime):
            bake_until = self.bake_until.isoformat()
        else:
            bake_until = self.bake_until

        inconclusive_hold: dict[str, Any] | None | Unset
        if isinstance(self.inconclusive_hold, Unset):
            inconclusive_hold = UNSET
        elif isinstance(self.inconclusive_hold, InconclusiveHold):
            inconclusive_hold = self.inconclusive_hold.to_dict()
        else:
            inconclusive_hold = self.inconclusive_hold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "release_id": release_id,
                "project_key": project_key,
                "name": name,
                "environment": environment,
                "status": status,
                "unit_kind": unit_kind,
                "group_id": group_id,
                "stages": stages,
                "current_stage": current_stage,
                "current_percent": current_percent,
                "stage_started_at": stage_started_at,
                "hold_until": hold_until,
                "pause_reason": pause_reason,
                "on_breach": on_breach,
                "breach_threshold": breach_threshold,
                "started_at": started_at,
                "finished_at": finished_at,
                "created_by": created_by,
                "created_at": created_at,
                "updated_at": updated_at,
                "revision": revision,
                "allowed_actions": allowed_actions,
            }
        )
        if gate_hold is not UNSET:
            field_dict["gate_hold"] = gate_hold
        if abort_reason is not UNSET:
            field_dict["abort_reason"] = abort_reason
        if bake_seconds is not UNSET:
            field_dict["bake_seconds"] = bake_seconds
        if baking is not UNSET:
            field_dict["baking"] = baking
        if bake_until is not UNSET:
            field_dict["bake_until"] = bake_until
        if inconclusive_hold is not UNSET:
            field_dict["inconclusive_hold"] = inconclusive_hold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gate_hold import GateHold  # noqa: PLC0415
        from ..models.inconclusive_hold import InconclusiveHold  # noqa: PLC0415
        from ..models.stage_public import StagePublic  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        release_id = UUID(d.pop("release_id"))

        project_key = d.pop("project_key")

        name = d.pop("name")

        environment = d.pop("environment")

        status = check_rollout_public_status(d.pop("status"))

        unit_kind = check_rollout_public_unit_kind(d.pop("unit_kind"))

        group_id = d.pop("group_id")

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = StagePublic.from_dict(stages_item_data)

            stages.append(stages_item)

        current_stage = d.pop("current_stage")

        current_percent = d.pop("current_percent")

        def _parse_stage_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_started_at_type_0 = datetime.datetime.fromisoformat(data)

                return stage_started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        stage_started_at = _parse_stage_started_at(d.pop("stage_started_at"))

        def _parse_hold_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hold_until_type_0 = datetime.datetime.fromisoformat(data)

                return hold_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        hold_until = _parse_hold_until(d.pop("hold_until"))

        def _parse_pause_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pause_reason = _parse_pause_reason(d.pop("pause_reason"))

        on_breach = check_rollout_public_on_breach(d.pop("on_breach"))

        breach_threshold = d.pop("breach_threshold")

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        revision = d.pop("revision")

        allowed_actions = cast(list[str], d.pop("allowed_actions"))

        def _parse_gate_hold(data: object) -> GateHold | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                gate_hold_type_0 = GateHold.from_dict(data)

                return gate_hold_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GateHold | None | Unset, data)

        gate_hold = _parse_gate_hold(d.pop("gate_hold", UNSET))

        def _parse_abort_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        abort_reason = _parse_abort_reason(d.pop("abort_reason", UNSET))

        bake_seconds = d.pop("bake_seconds", UNSET)

        baking = d.pop("baking", UNSET)

        def _parse_bake_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bake_until_type_0 = datetime.datetime.fromisoformat(data)

                return bake_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        bake_until = _parse_bake_until(d.pop("bake_until", UNSET))

        def _parse_inconclusive_hold(data: object) -> InconclusiveHold | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                inconclusive_hold_type_0 = InconclusiveHold.from_dict(data)

                return inconclusive_hold_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InconclusiveHold | None | Unset, data)

        inconclusive_hold = _parse_inconclusive_hold(d.pop("inconclusive_hold", UNSET))

        rollout_public = cls(
            id=id,
            release_id=release_id,
            project_key=project_key,
            name=name,
            environment=environment,
            status=status,
            unit_kind=unit_kind,
            group_id=group_id,
            stages=stages,
            current_stage=current_stage,
            current_percent=current_percent,
            stage_started_at=stage_started_at,
            hold_until=hold_until,
            pause_reason=pause_reason,
            on_breach=on_breach,
            breach_threshold=breach_threshold,
            started_at=started_at,
            finished_at=finished_at,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
            revision=revision,
            allowed_actions=allowed_actions,
            gate_hold=gate_hold,
            abort_reason=abort_reason,
            bake_seconds=bake_seconds,
            baking=baking,
            bake_until=bake_until,
            inconclusive_hold=inconclusive_hold,
        )

        rollout_public.additional_properties = d
        return rollout_public

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
