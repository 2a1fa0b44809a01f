from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.gate_check import GateCheck


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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gate_check import GateCheck  # noqa: PLC0415

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
