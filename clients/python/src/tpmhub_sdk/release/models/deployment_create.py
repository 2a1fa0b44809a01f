from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.deployment_create_status import DeploymentCreateStatus, check_deployment_create_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeploymentCreate")


@_attrs_define
class DeploymentCreate:
    """A deployment to an environment, reported by CI or a person.

    Attributes:
        environment (str):
        commit_sha (str):
        release_id (None | Unset | UUID): The release deployed, if any.
        committed_at (datetime.datetime | None | Unset): When the deployed change was committed (start of lead time).
        started_at (datetime.datetime | None | Unset): Default: now.
        finished_at (datetime.datetime | None | Unset):
        status (DeploymentCreateStatus | Unset):  Default: 'in_progress'.
        url (None | str | Unset):
    """

    environment: str
    commit_sha: str
    release_id: None | Unset | UUID = UNSET
    committed_at: datetime.datetime | None | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    status: DeploymentCreateStatus | Unset = "in_progress"
    url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        environment = self.environment

        commit_sha = self.commit_sha

        release_id: None | str | Unset
        if isinstance(self.release_id, Unset):
            release_id = UNSET
        elif isinstance(self.release_id, UUID):
            release_id = str(self.release_id)
        else:
            release_id = self.release_id

        committed_at: None | str | Unset
        if isinstance(self.committed_at, Unset):
            committed_at = UNSET
        elif isinstance(self.committed_at, datetime.datetime):
            committed_at = self.committed_at.isoformat()
        else:
            committed_at = self.committed_at

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "environment": environment,
                "commit_sha": commit_sha,
            }
        )
        if release_id is not UNSET:
            field_dict["release_id"] = release_id
        if committed_at is not UNSET:
            field_dict["committed_at"] = committed_at
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if status is not UNSET:
            field_dict["status"] = status
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        environment = d.pop("environment")

        commit_sha = d.pop("commit_sha")

        def _parse_release_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                release_id_type_0 = UUID(data)

                return release_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        release_id = _parse_release_id(d.pop("release_id", UNSET))

        def _parse_committed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                committed_at_type_0 = datetime.datetime.fromisoformat(data)

                return committed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        committed_at = _parse_committed_at(d.pop("committed_at", UNSET))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        _status = d.pop("status", UNSET)
        status: DeploymentCreateStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_deployment_create_status(_status)

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        deployment_create = cls(
            environment=environment,
            commit_sha=commit_sha,
            release_id=release_id,
            committed_at=committed_at,
            started_at=started_at,
            finished_at=finished_at,
            status=status,
            url=url,
        )

        return deployment_create
