from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gate_check import GateCheck
    from ..models.gate_override_record import GateOverrideRecord


T = TypeVar("T", bound="GateResult")


@_attrs_define
class GateResult:
    """The gate's answer: `allowed` only when every check passed. Always 200; CI reads `allowed`.

    Attributes:
        decision_id (UUID): The recorded decision (see `list_gate_decisions`).
        release_id (UUID):
        project_key (str):
        version (str):
        environment (str):
        allowed (bool):
        checks (list[GateCheck]):
        asked_by (str):
        at (datetime.datetime):
        duration_ms (float):
        action (None | str | Unset): Set when a rollout action asked: rollout.start, rollout.advance, rollout.complete
            or rollout.auto_advance (the scheduler). Null when CI or a person asked the gate.
        rollout_id (None | Unset | UUID): The rollout whose action asked.
        override (GateOverrideRecord | None | Unset): Set when the gate denied and a tpm/admin overrode it with a
            reason.
    """

    decision_id: UUID
    release_id: UUID
    project_key: str
    version: str
    environment: str
    allowed: bool
    checks: list[GateCheck]
    asked_by: str
    at: datetime.datetime
    duration_ms: float
    action: None | str | Unset = UNSET
    rollout_id: None | Unset | UUID = UNSET
    override: GateOverrideRecord | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.gate_override_record import GateOverrideRecord  # noqa: PLC0415

        decision_id = str(self.decision_id)

        release_id = str(self.release_id)

        project_key = self.project_key

        version = self.version

        environment = self.environment

        allowed = self.allowed

        checks = []
        for checks_item_data in self.checks:
            checks_item = checks_item_data.to_dict()
            checks.append(checks_item)

        asked_by = self.asked_by

        at = self.at.isoformat()

        duration_ms = self.duration_ms

        action: None | str | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        else:
            action = self.action

        rollout_id: None | str | Unset
        if isinstance(self.rollout_id, Unset):
            rollout_id = UNSET
        elif isinstance(self.rollout_id, UUID):
            rollout_id = str(self.rollout_id)
        else:
            rollout_id = self.rollout_id

        override: dict[str, Any] | None | Unset
        if isinstance(self.override, Unset):
            override = UNSET
        elif isinstance(self.override, GateOverrideRecord):
            override = self.override.to_dict()
        else:
            override = self.override

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decision_id": decision_id,
                "release_id": release_id,
                "project_key": project_key,
                "version": version,
                "environment": environment,
                "allowed": allowed,
                "checks": checks,
                "asked_by": asked_by,
                "at": at,
                "duration_ms": duration_ms,
            }
        )
        if action is not UNSET:
            field_dict["action"] = action
        if rollout_id is not UNSET:
            field_dict["rollout_id"] = rollout_id
        if override is not UNSET:
            field_dict["override"] = override

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gate_check import GateCheck  # noqa: PLC0415
        from ..models.gate_override_record import GateOverrideRecord  # noqa: PLC0415

        d = dict(src_dict)
        decision_id = UUID(d.pop("decision_id"))

        release_id = UUID(d.pop("release_id"))

        project_key = d.pop("project_key")

        version = d.pop("version")

        environment = d.pop("environment")

        allowed = d.pop("allowed")

        checks = []
        _checks = d.pop("checks")
        for checks_item_data in _checks:
            checks_item = GateCheck.from_dict(checks_item_data)

            checks.append(checks_item)

        asked_by = d.pop("asked_by")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        duration_ms = d.pop("duration_ms")

        def _parse_action(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        action = _parse_action(d.pop("action", UNSET))

        def _parse_rollout_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rollout_id_type_0 = UUID(data)

                return rollout_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        rollout_id = _parse_rollout_id(d.pop("rollout_id", UNSET))

        def _parse_override(data: object) -> GateOverrideRecord | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                override_type_0 = GateOverrideRecord.from_dict(data)

                return override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GateOverrideRecord | None | Unset, data)

        override = _parse_override(d.pop("override", UNSET))

        gate_result = cls(
            decision_id=decision_id,
            release_id=release_id,
            project_key=project_key,
            version=version,
            environment=environment,
            allowed=allowed,
            checks=checks,
            asked_by=asked_by,
            at=at,
            duration_ms=duration_ms,
            action=action,
            rollout_id=rollout_id,
            override=override,
        )

        gate_result.additional_properties = d
        return gate_result

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
