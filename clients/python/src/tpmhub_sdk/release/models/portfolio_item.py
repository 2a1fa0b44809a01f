from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.portfolio_item_guardrail_outcome import (
    PortfolioItemGuardrailOutcome,
    check_portfolio_item_guardrail_outcome,
)
from ..models.portfolio_item_status import PortfolioItemStatus, check_portfolio_item_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="PortfolioItem")


@_attrs_define
class PortfolioItem:
    """One active rollout as a release manager's portfolio shows it.

    Attributes:
        id (UUID):
        release_id (UUID):
        version (str):
        project_key (str):
        name (str):
        environment (str):
        status (PortfolioItemStatus):
        current_stage (int):
        stage_count (int):
        current_percent (int):
        operator (str): The current stage's operator.
        hold_until (datetime.datetime | None):
        hold_left_seconds (int): Seconds until the minimum hold has passed (0: passed).
        gate_held (bool): An automatic advance waits because the gate denies it.
        guardrail_outcome (PortfolioItemGuardrailOutcome): The current stage's guardrails by their latest canary
            readings: pass (all green), fail (a latest reading failed), pending (no data or no baseline yet), none (the
            stage has no guardrails).
        failed_checks (int): Failed guardrail checks in the current stage.
        updated_at (datetime.datetime):
        pause_reason (None | str | Unset):
        next_schedule_at (datetime.datetime | None | Unset): When the next pending scheduled action is due.
    """

    id: UUID
    release_id: UUID
    version: str
    project_key: str
    name: str
    environment: str
    status: PortfolioItemStatus
    current_stage: int
    stage_count: int
    current_percent: int
    operator: str
    hold_until: datetime.datetime | None
    hold_left_seconds: int
    gate_held: bool
    guardrail_outcome: PortfolioItemGuardrailOutcome
    failed_checks: int
    updated_at: datetime.datetime
    pause_reason: None | str | Unset = UNSET
    next_schedule_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        release_id = str(self.release_id)

        version = self.version

        project_key = self.project_key

        name = self.name

        environment = self.environment

        status: str = self.status

        current_stage = self.current_stage

        stage_count = self.stage_count

        current_percent = self.current_percent

        operator = self.operator

        hold_until: None | str
        if isinstance(self.hold_until, datetime.datetime):
            hold_until = self.hold_until.isoformat()
        else:
            hold_until = self.hold_until

        hold_left_seconds = self.hold_left_seconds

        gate_held = self.gate_held

        guardrail_outcome: str = self.guardrail_outcome

        failed_checks = self.failed_checks

        updated_at = self.updated_at.isoformat()

        pause_reason: None | str | Unset
        if isinstance(self.pause_reason, Unset):
            pause_reason = UNSET
        else:
            pause_reason = self.pause_reason

        next_schedule_at: None | str | Unset
        if isinstance(self.next_schedule_at, Unset):
            next_schedule_at = UNSET
        elif isinstance(self.next_schedule_at, datetime.datetime):
            next_schedule_at = self.next_schedule_at.isoformat()
        else:
            next_schedule_at = self.next_schedule_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "release_id": release_id,
                "version": version,
                "project_key": project_key,
                "name": name,
                "environment": environment,
                "status": status,
                "current_stage": current_stage,
                "stage_count": stage_count,
                "current_percent": current_percent,
                "operator": operator,
                "hold_until": hold_until,
                "hold_left_seconds": hold_left_seconds,
                "gate_held": gate_held,
                "guardrail_outcome": guardrail_outcome,
                "failed_checks": failed_checks,
                "updated_at": updated_at,
            }
        )
        if pause_reason is not UNSET:
            field_dict["pause_reason"] = pause_reason
        if next_schedule_at is not UNSET:
            field_dict["next_schedule_at"] = next_schedule_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        release_id = UUID(d.pop("release_id"))

        version = d.pop("version")

        project_key = d.pop("project_key")

        name = d.pop("name")

        environment = d.pop("environment")

        status = check_portfolio_item_status(d.pop("status"))

        current_stage = d.pop("current_stage")

        stage_count = d.pop("stage_count")

        current_percent = d.pop("current_percent")

        operator = d.pop("operator")

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

        hold_left_seconds = d.pop("hold_left_seconds")

        gate_held = d.pop("gate_held")

        guardrail_outcome = check_portfolio_item_guardrail_outcome(d.pop("guardrail_outcome"))

        failed_checks = d.pop("failed_checks")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_pause_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pause_reason = _parse_pause_reason(d.pop("pause_reason", UNSET))

        def _parse_next_schedule_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_schedule_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_schedule_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_schedule_at = _parse_next_schedule_at(d.pop("next_schedule_at", UNSET))

        portfolio_item = cls(
            id=id,
            release_id=release_id,
            version=version,
            project_key=project_key,
            name=name,
            environment=environment,
            status=status,
            current_stage=current_stage,
            stage_count=stage_count,
            current_percent=current_percent,
            operator=operator,
            hold_until=hold_until,
            hold_left_seconds=hold_left_seconds,
            gate_held=gate_held,
            guardrail_outcome=guardrail_outcome,
            failed_checks=failed_checks,
            updated_at=updated_at,
            pause_reason=pause_reason,
            next_schedule_at=next_schedule_at,
        )

        portfolio_item.additional_properties = d
        return portfolio_item

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
