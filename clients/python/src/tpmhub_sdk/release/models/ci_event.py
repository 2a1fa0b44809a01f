from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.ci_event_status import CiEventStatus, check_ci_event_status
from ..models.ci_event_type import CiEventType, check_ci_event_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ci_commit import CiCommit


T = TypeVar("T", bound="CiEvent")


@_attrs_define
class CiEvent:
    """The JSON body of `POST /v1/webhooks/ci`, for Jenkins and any other CI; signed per Standard Webhooks
    (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the source's `whsec_` secret.

        Attributes:
            type_ (CiEventType):
            repository (str):
            run_id (str):
            status (CiEventStatus):
            name (str | Unset):  Default: ''.
            ref (None | str | Unset): Branch or tag (with or without `refs/heads/`, `refs/tags/`).
            sha (None | str | Unset):
            environment (None | str | Unset): For `deployment`: the environment deployed to.
            release_version (None | str | Unset): The release this run belongs to, if the ref does not say.
            url (None | str | Unset):
            started_at (datetime.datetime | None | Unset):
            finished_at (datetime.datetime | None | Unset):
            commits (list[CiCommit] | Unset):
    """

    type_: CiEventType
    repository: str
    run_id: str
    status: CiEventStatus
    name: str | Unset = ""
    ref: None | str | Unset = UNSET
    sha: None | str | Unset = UNSET
    environment: None | str | Unset = UNSET
    release_version: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    commits: list[CiCommit] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        repository = self.repository

        run_id = self.run_id

        status: str = self.status

        name = self.name

        ref: None | str | Unset
        if isinstance(self.ref, Unset):
            ref = UNSET
        else:
            ref = self.ref

        sha: None | str | Unset
        if isinstance(self.sha, Unset):
            sha = UNSET
        else:
            sha = self.sha

        environment: None | str | Unset
        if isinstance(self.environment, Unset):
            environment = UNSET
        else:
            environment = self.environment

        release_version: None | str | Unset
        if isinstance(self.release_version, Unset):
            release_version = UNSET
        else:
            release_version = self.release_version

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

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

        commits: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.commits, Unset):
            commits = []
            for commits_item_data in self.commits:
                commits_item = commits_item_data.to_dict()
                commits.append(commits_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "repository": repository,
                "run_id": run_id,
                "status": status,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if ref is not UNSET:
            field_dict["ref"] = ref
        if sha is not UNSET:
            field_dict["sha"] = sha
        if environment is not UNSET:
            field_dict["environment"] = environment
        if release_version is not UNSET:
            field_dict["release_version"] = release_version
        if url is not UNSET:
            field_dict["url"] = url
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if commits is not UNSET:
            field_dict["commits"] = commits

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ci_commit import CiCommit  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_ci_event_type(d.pop("type"))

        repository = d.pop("repository")

        run_id = d.pop("run_id")

        status = check_ci_event_status(d.pop("status"))

        name = d.pop("name", UNSET)

        def _parse_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ref = _parse_ref(d.pop("ref", UNSET))

        def _parse_sha(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sha = _parse_sha(d.pop("sha", UNSET))

        def _parse_environment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        environment = _parse_environment(d.pop("environment", UNSET))

        def _parse_release_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        release_version = _parse_release_version(d.pop("release_version", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

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

        _commits = d.pop("commits", UNSET)
        commits: list[CiCommit] | Unset = UNSET
        if _commits is not UNSET:
            commits = []
            for commits_item_data in _commits:
                commits_item = CiCommit.from_dict(commits_item_data)

                commits.append(commits_item)

        ci_event = cls(
            type_=type_,
            repository=repository,
            run_id=run_id,
            status=status,
            name=name,
            ref=ref,
            sha=sha,
            environment=environment,
            release_version=release_version,
            url=url,
            started_at=started_at,
            finished_at=finished_at,
            commits=commits,
        )

        return ci_event
