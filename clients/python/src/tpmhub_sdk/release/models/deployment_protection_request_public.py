from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deployment_protection_request_public_status import (
    DeploymentProtectionRequestPublicStatus,
    check_deployment_protection_request_public_status,
)

if TYPE_CHECKING:
    from ..models.failing_check import FailingCheck


T = TypeVar("T", bound="DeploymentProtectionRequestPublic")


@_attrs_define
class DeploymentProtectionRequestPublic:
    """A deployment GitHub asked TPM Hub to gate (custom deployment protection rule), and where it stands.

    Attributes:
        id (UUID):
        project_key (str):
        source_id (UUID):
        release_id (None | UUID): The matched release (none: rejected at once).
        repository (str):
        environment (str): GitHub's environment name.
        gate_environment (None | str): The gate's environment.
        event (str): The workflow's trigger event.
        ref (None | str):
        sha (None | str):
        installation_id (int):
        status (DeploymentProtectionRequestPublicStatus):
        reason (str): Why it is pending or was decided so.
        failing_checks (list[FailingCheck]): The gate's failing checks when last evaluated.
        reports_posted (int): Status reports posted to GitHub (at most 10).
        last_decision_id (None | UUID): The gate decision last reported to GitHub.
        next_check_at (datetime.datetime):
        expires_at (datetime.datetime): When a still pending request is rejected.
        decided_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    project_key: str
    source_id: UUID
    release_id: None | UUID
    repository: str
    environment: str
    gate_environment: None | str
    event: str
    ref: None | str
    sha: None | str
    installation_id: int
    status: DeploymentProtectionRequestPublicStatus
    reason: str
    failing_checks: list[FailingCheck]
    reports_posted: int
    last_decision_id: None | UUID
    next_check_at: datetime.datetime
    expires_at: datetime.datetime
    decided_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_key = self.project_key

        source_id = str(self.source_id)

        release_id: None | str
        if isinstance(self.release_id, UUID):
            release_id = str(self.release_id)
        else:
            release_id = self.release_id

        repository = self.repository

        environment = self.environment

        gate_environment: None | str
        gate_environment = self.gate_environment

        event = self.event

        ref: None | str
        ref = self.ref

        sha: None | str
        sha = self.sha

        installation_id = self.installation_id

        status: str = self.status

        reason = self.reason

        failing_checks = []
        for failing_checks_item_data in self.failing_checks:
            failing_checks_item = failing_checks_item_data.to_dict()
            failing_checks.append(failing_checks_item)

        reports_posted = self.reports_posted

        last_decision_id: None | str
        if isinstance(self.last_decision_id, UUID):
            last_decision_id = str(self.last_decision_id)
        else:
            last_decision_id = self.last_decision_id

        next_check_at = self.next_check_at.isoformat()

        expires_at = self.expires_at.isoformat()

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_key": project_key,
                "source_id": source_id,
                "release_id": release_id,
                "repository": repository,
                "environment": environment,
                "gate_environment": gate_environment,
                "event": event,
                "ref": ref,
                "sha": sha,
                "installation_id": installation_id,
                "status": status,
                "reason": reason,
                "failing_checks": failing_checks,
                "reports_posted": reports_posted,
                "last_decision_id": last_decision_id,
                "next_check_at": next_check_at,
                "expires_at": expires_at,
                "decided_at": decided_at,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.failing_check import FailingCheck  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_key = d.pop("project_key")

        source_id = UUID(d.pop("source_id"))

        def _parse_release_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                release_id_type_0 = UUID(data)

                return release_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        release_id = _parse_release_id(d.pop("release_id"))

        repository = d.pop("repository")

        environment = d.pop("environment")

        def _parse_gate_environment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gate_environment = _parse_gate_environment(d.pop("gate_environment"))

        event = d.pop("event")

        def _parse_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ref = _parse_ref(d.pop("ref"))

        def _parse_sha(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sha = _parse_sha(d.pop("sha"))

        installation_id = d.pop("installation_id")

        status = check_deployment_protection_request_public_status(d.pop("status"))

        reason = d.pop("reason")

        failing_checks = []
        _failing_checks = d.pop("failing_checks")
        for failing_checks_item_data in _failing_checks:
            failing_checks_item = FailingCheck.from_dict(failing_checks_item_data)

            failing_checks.append(failing_checks_item)

        reports_posted = d.pop("reports_posted")

        def _parse_last_decision_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_decision_id_type_0 = UUID(data)

                return last_decision_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        last_decision_id = _parse_last_decision_id(d.pop("last_decision_id"))

        next_check_at = datetime.datetime.fromisoformat(d.pop("next_check_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        deployment_protection_request_public = cls(
            id=id,
            project_key=project_key,
            source_id=source_id,
            release_id=release_id,
            repository=repository,
            environment=environment,
            gate_environment=gate_environment,
            event=event,
            ref=ref,
            sha=sha,
            installation_id=installation_id,
            status=status,
            reason=reason,
            failing_checks=failing_checks,
            reports_posted=reports_posted,
            last_decision_id=last_decision_id,
            next_check_at=next_check_at,
            expires_at=expires_at,
            decided_at=decided_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        deployment_protection_request_public.additional_properties = d
        return deployment_protection_request_public

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
