from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.deployment_update_status_type_0 import (
    DeploymentUpdateStatusType0,
    check_deployment_update_status_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeploymentUpdate")


@_attrs_define
class DeploymentUpdate:
    """Finish a deployment, flag it as having caused a failure, or record when service was restored.

    Attributes:
        status (DeploymentUpdateStatusType0 | None | Unset):
        finished_at (datetime.datetime | None | Unset):
        caused_failure (bool | None | Unset): It succeeded but caused a production failure (incident, hotfix or
            rollback).
        restored_at (datetime.datetime | None | Unset): When service was restored after the failure.
        url (None | str | Unset):
    """

    status: DeploymentUpdateStatusType0 | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    caused_failure: bool | None | Unset = UNSET
    restored_at: datetime.datetime | None | Unset = UNSET
    url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        caused_failure: bool | None | Unset
        if isinstance(self.caused_failure, Unset):
            caused_failure = UNSET
        else:
            caused_failure = self.caused_failure

        restored_at: None | str | Unset
        if isinstance(self.restored_at, Unset):
            restored_at = UNSET
        elif isinstance(self.restored_at, datetime.datetime):
            restored_at = self.restored_at.isoformat()
        else:
            restored_at = self.restored_at

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if caused_failure is not UNSET:
            field_dict["caused_failure"] = caused_failure
        if restored_at is not UNSET:
            field_dict["restored_at"] = restored_at
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_status(data: object) -> DeploymentUpdateStatusType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = check_deployment_update_status_type_0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeploymentUpdateStatusType0 | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

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

        def _parse_caused_failure(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        caused_failure = _parse_caused_failure(d.pop("caused_failure", UNSET))

        def _parse_restored_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                restored_at_type_0 = datetime.datetime.fromisoformat(data)

                return restored_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        restored_at = _parse_restored_at(d.pop("restored_at", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        deployment_update = cls(
            status=status,
            finished_at=finished_at,
            caused_failure=caused_failure,
            restored_at=restored_at,
            url=url,
        )

        return deployment_update
