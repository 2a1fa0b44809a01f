from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.release_public_status import ReleasePublicStatus, check_release_public_status

if TYPE_CHECKING:
    from ..models.plan_step import PlanStep


T = TypeVar("T", bound="ReleasePublic")


@_attrs_define
class ReleasePublic:
    """A release plan as the API returns it.

    Attributes:
        id (UUID):
        project_key (str):
        version (str):
        name (str):
        description (str):
        target_date (datetime.date | None):
        status (ReleasePublicStatus):
        scope (list[str]):
        steps (list[PlanStep]):
        approvers (list[str]):
        required_approvals (int):
        review_round (int): Current review round; approvals count within it.
        repository (None | str):
        created_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        revision (int): Optimistic-concurrency counter, as in the ETag.
    """

    id: UUID
    project_key: str
    version: str
    name: str
    description: str
    target_date: datetime.date | None
    status: ReleasePublicStatus
    scope: list[str]
    steps: list[PlanStep]
    approvers: list[str]
    required_approvals: int
    review_round: int
    repository: None | str
    created_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    revision: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_key = self.project_key

        version = self.version

        name = self.name

        description = self.description

        target_date: None | str
        if isinstance(self.target_date, datetime.date):
            target_date = self.target_date.isoformat()
        else:
            target_date = self.target_date

        status: str = self.status

        scope = self.scope

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        approvers = self.approvers

        required_approvals = self.required_approvals

        review_round = self.review_round

        repository: None | str
        repository = self.repository

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        revision = self.revision

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_key": project_key,
                "version": version,
                "name": name,
                "description": description,
                "target_date": target_date,
                "status": status,
                "scope": scope,
                "steps": steps,
                "approvers": approvers,
                "required_approvals": required_approvals,
                "review_round": review_round,
                "repository": repository,
                "created_by": created_by,
                "created_at": created_at,
                "updated_at": updated_at,
                "revision": revision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_step import PlanStep  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_key = d.pop("project_key")

        version = d.pop("version")

        name = d.pop("name")

        description = d.pop("description")

        def _parse_target_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_date_type_0 = datetime.date.fromisoformat(data)

                return target_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        target_date = _parse_target_date(d.pop("target_date"))

        status = check_release_public_status(d.pop("status"))

        scope = cast(list[str], d.pop("scope"))

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = PlanStep.from_dict(steps_item_data)

            steps.append(steps_item)

        approvers = cast(list[str], d.pop("approvers"))

        required_approvals = d.pop("required_approvals")

        review_round = d.pop("review_round")

        def _parse_repository(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        repository = _parse_repository(d.pop("repository"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        revision = d.pop("revision")

        release_public = cls(
            id=id,
            project_key=project_key,
            version=version,
            name=name,
            description=description,
            target_date=target_date,
            status=status,
            scope=scope,
            steps=steps,
            approvers=approvers,
            required_approvals=required_approvals,
            review_round=review_round,
            repository=repository,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
            revision=revision,
        )

        release_public.additional_properties = d
        return release_public

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
