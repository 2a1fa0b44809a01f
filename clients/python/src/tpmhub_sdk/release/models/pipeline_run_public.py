from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PipelineRunPublic")


@_attrs_define
class PipelineRunPublic:
    """A CI run recorded on a release.

    Attributes:
        id (UUID):
        release_id (None | UUID):
        provider (str):
        kind (str):
        external_id (str):
        name (str):
        ref (None | str):
        sha (None | str):
        status (str):
        conclusion (None | str):
        url (None | str):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
        updated_at (datetime.datetime):
    """

    id: UUID
    release_id: None | UUID
    provider: str
    kind: str
    external_id: str
    name: str
    ref: None | str
    sha: None | str
    status: str
    conclusion: None | str
    url: None | str
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        release_id: None | str
        if isinstance(self.release_id, UUID):
            release_id = str(self.release_id)
        else:
            release_id = self.release_id

        provider = self.provider

        kind = self.kind

        external_id = self.external_id

        name = self.name

        ref: None | str
        ref = self.ref

        sha: None | str
        sha = self.sha

        status = self.status

        conclusion: None | str
        conclusion = self.conclusion

        url: None | str
        url = self.url

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

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "release_id": release_id,
                "provider": provider,
                "kind": kind,
                "external_id": external_id,
                "name": name,
                "ref": ref,
                "sha": sha,
                "status": status,
                "conclusion": conclusion,
                "url": url,
                "started_at": started_at,
                "finished_at": finished_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

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

        provider = d.pop("provider")

        kind = d.pop("kind")

        external_id = d.pop("external_id")

        name = d.pop("name")

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

        status = d.pop("status")

        def _parse_conclusion(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        conclusion = _parse_conclusion(d.pop("conclusion"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

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

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        pipeline_run_public = cls(
            id=id,
            release_id=release_id,
            provider=provider,
            kind=kind,
            external_id=external_id,
            name=name,
            ref=ref,
            sha=sha,
            status=status,
            conclusion=conclusion,
            url=url,
            started_at=started_at,
            finished_at=finished_at,
            updated_at=updated_at,
        )

        pipeline_run_public.additional_properties = d
        return pipeline_run_public

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
