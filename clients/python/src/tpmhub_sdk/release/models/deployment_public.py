from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deployment_public_status import DeploymentPublicStatus, check_deployment_public_status

T = TypeVar("T", bound="DeploymentPublic")


@_attrs_define
class DeploymentPublic:
    """A deployment record.

    Attributes:
        id (UUID):
        project_key (str):
        release_id (None | UUID):
        environment (str):
        commit_sha (str):
        committed_at (datetime.datetime | None):
        started_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        status (DeploymentPublicStatus):
        caused_failure (bool):
        restored_at (datetime.datetime | None):
        lead_time_seconds (float | None): finished_at − committed_at.
        restore_seconds (float | None): restored_at − finished_at for a failed change.
        source (str):
        url (None | str):
        created_by (str):
        version (int):
    """

    id: UUID
    project_key: str
    release_id: None | UUID
    environment: str
    commit_sha: str
    committed_at: datetime.datetime | None
    started_at: datetime.datetime
    finished_at: datetime.datetime | None
    status: DeploymentPublicStatus
    caused_failure: bool
    restored_at: datetime.datetime | None
    lead_time_seconds: float | None
    restore_seconds: float | None
    source: str
    url: None | str
    created_by: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_key = self.project_key

        release_id: None | str
        if isinstance(self.release_id, UUID):
            release_id = str(self.release_id)
        else:
            release_id = self.release_id

        environment = self.environment

        commit_sha = self.commit_sha

        committed_at: None | str
        if isinstance(self.committed_at, datetime.datetime):
            committed_at = self.committed_at.isoformat()
        else:
            committed_at = self.committed_at

        started_at = self.started_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        status: str = self.status

        caused_failure = self.caused_failure

        restored_at: None | str
        if isinstance(self.restored_at, datetime.datetime):
            restored_at = self.restored_at.isoformat()
        else:
            restored_at = self.restored_at

        lead_time_seconds: float | None
        lead_time_seconds = self.lead_time_seconds

        restore_seconds: float | None
        restore_seconds = self.restore_seconds

        source = self.source

        url: None | str
        url = self.url

        created_by = self.created_by

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_key": project_key,
                "release_id": release_id,
                "environment": environment,
                "commit_sha": commit_sha,
                "committed_at": committed_at,
                "started_at": started_at,
                "finished_at": finished_at,
                "status": status,
                "caused_failure": caused_failure,
                "restored_at": restored_at,
                "lead_time_seconds": lead_time_seconds,
                "restore_seconds": restore_seconds,
                "source": source,
                "url": url,
                "created_by": created_by,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_key = d.pop("project_key")

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

        environment = d.pop("environment")

        commit_sha = d.pop("commit_sha")

        def _parse_committed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                committed_at_type_0 = datetime.datetime.fromisoformat(data)

                return committed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        committed_at = _parse_committed_at(d.pop("committed_at"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

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

        status = check_deployment_public_status(d.pop("status"))

        caused_failure = d.pop("caused_failure")

        def _parse_restored_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                restored_at_type_0 = datetime.datetime.fromisoformat(data)

                return restored_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        restored_at = _parse_restored_at(d.pop("restored_at"))

        def _parse_lead_time_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        lead_time_seconds = _parse_lead_time_seconds(d.pop("lead_time_seconds"))

        def _parse_restore_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        restore_seconds = _parse_restore_seconds(d.pop("restore_seconds"))

        source = d.pop("source")

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        created_by = d.pop("created_by")

        version = d.pop("version")

        deployment_public = cls(
            id=id,
            project_key=project_key,
            release_id=release_id,
            environment=environment,
            commit_sha=commit_sha,
            committed_at=committed_at,
            started_at=started_at,
            finished_at=finished_at,
            status=status,
            caused_failure=caused_failure,
            restored_at=restored_at,
            lead_time_seconds=lead_time_seconds,
            restore_seconds=restore_seconds,
            source=source,
            url=url,
            created_by=created_by,
            version=version,
        )

        deployment_public.additional_properties = d
        return deployment_public

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
