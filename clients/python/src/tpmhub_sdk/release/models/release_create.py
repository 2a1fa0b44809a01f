from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_step import PlanStep


T = TypeVar("T", bound="ReleaseCreate")


@_attrs_define
class ReleaseCreate:
    """A new release of a project; the version is unique per project.

    Attributes:
        version (str):
        name (str | Unset):  Default: ''.
        description (str | Unset):  Default: ''.
        target_date (datetime.date | None | Unset):
        scope (list[str] | Unset): Backlog item keys shipped by this release (checked with requirements).
        steps (list[PlanStep] | Unset):
        approvers (list[str] | Unset):
        required_approvals (int | Unset): N of the M approvers must approve. Default: 1.
        repository (None | str | Unset):
    """

    version: str
    name: str | Unset = ""
    description: str | Unset = ""
    target_date: datetime.date | None | Unset = UNSET
    scope: list[str] | Unset = UNSET
    steps: list[PlanStep] | Unset = UNSET
    approvers: list[str] | Unset = UNSET
    required_approvals: int | Unset = 1
    repository: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        name = self.name

        description = self.description

        target_date: None | str | Unset
        if isinstance(self.target_date, Unset):
            target_date = UNSET
        elif isinstance(self.target_date, datetime.date):
            target_date = self.target_date.isoformat()
        else:
            target_date = self.target_date

        scope: list[str] | Unset = UNSET
        if not isinstance(self.scope, Unset):
            scope = self.scope

        steps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = []
            for steps_item_data in self.steps:
                steps_item = steps_item_data.to_dict()
                steps.append(steps_item)

        approvers: list[str] | Unset = UNSET
        if not isinstance(self.approvers, Unset):
            approvers = self.approvers

        required_approvals = self.required_approvals

        repository: None | str | Unset
        if isinstance(self.repository, Unset):
            repository = UNSET
        else:
            repository = self.repository

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "version": version,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if target_date is not UNSET:
            field_dict["target_date"] = target_date
        if scope is not UNSET:
            field_dict["scope"] = scope
        if steps is not UNSET:
            field_dict["steps"] = steps
        if approvers is not UNSET:
            field_dict["approvers"] = approvers
        if required_approvals is not UNSET:
            field_dict["required_approvals"] = required_approvals
        if repository is not UNSET:
            field_dict["repository"] = repository

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_step import PlanStep  # noqa: PLC0415

        d = dict(src_dict)
        version = d.pop("version")

        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        def _parse_target_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_date_type_0 = datetime.date.fromisoformat(data)

                return target_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        target_date = _parse_target_date(d.pop("target_date", UNSET))

        scope = cast(list[str], d.pop("scope", UNSET))

        _steps = d.pop("steps", UNSET)
        steps: list[PlanStep] | Unset = UNSET
        if _steps is not UNSET:
            steps = []
            for steps_item_data in _steps:
                steps_item = PlanStep.from_dict(steps_item_data)

                steps.append(steps_item)

        approvers = cast(list[str], d.pop("approvers", UNSET))

        required_approvals = d.pop("required_approvals", UNSET)

        def _parse_repository(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        repository = _parse_repository(d.pop("repository", UNSET))

        release_create = cls(
            version=version,
            name=name,
            description=description,
            target_date=target_date,
            scope=scope,
            steps=steps,
            approvers=approvers,
            required_approvals=required_approvals,
            repository=repository,
        )

        return release_create
