from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_step import PlanStep


T = TypeVar("T", bound="ReleaseUpdate")


@_attrs_define
class ReleaseUpdate:
    """Fields to change (JSON merge patch). A scope, plan or approver change after approval sends the
    release back to review.

        Attributes:
            name (None | str | Unset):
            description (None | str | Unset):
            target_date (datetime.date | None | Unset):
            scope (list[str] | None | Unset):
            steps (list[PlanStep] | None | Unset):
            approvers (list[str] | None | Unset):
            required_approvals (int | None | Unset):
            repository (None | str | Unset):
    """

    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    target_date: datetime.date | None | Unset = UNSET
    scope: list[str] | None | Unset = UNSET
    steps: list[PlanStep] | None | Unset = UNSET
    approvers: list[str] | None | Unset = UNSET
    required_approvals: int | None | Unset = UNSET
    repository: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        target_date: None | str | Unset
        if isinstance(self.target_date, Unset):
            target_date = UNSET
        elif isinstance(self.target_date, datetime.date):
            target_date = self.target_date.isoformat()
        else:
            target_date = self.target_date

        scope: list[str] | None | Unset
        if isinstance(self.scope, Unset):
            scope = UNSET
        elif isinstance(self.scope, list):
            scope = self.scope

        else:
            scope = self.scope

        steps: list[dict[str, Any]] | None | Unset
        if isinstance(self.steps, Unset):
            steps = UNSET
        elif isinstance(self.steps, list):
            steps = []
            for steps_type_0_item_data in self.steps:
                steps_type_0_item = steps_type_0_item_data.to_dict()
                steps.append(steps_type_0_item)

        else:
            steps = self.steps

        approvers: list[str] | None | Unset
        if isinstance(self.approvers, Unset):
            approvers = UNSET
        elif isinstance(self.approvers, list):
            approvers = self.approvers

        else:
            approvers = self.approvers

        required_approvals: int | None | Unset
        if isinstance(self.required_approvals, Unset):
            required_approvals = UNSET
        else:
            required_approvals = self.required_approvals

        repository: None | str | Unset
        if isinstance(self.repository, Unset):
            repository = UNSET
        else:
            repository = self.repository

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

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

        def _parse_scope(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                scope_type_0 = cast(list[str], data)

                return scope_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        scope = _parse_scope(d.pop("scope", UNSET))

        def _parse_steps(data: object) -> list[PlanStep] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                steps_type_0 = []
                _steps_type_0 = data
                for steps_type_0_item_data in _steps_type_0:
                    steps_type_0_item = PlanStep.from_dict(steps_type_0_item_data)

                    steps_type_0.append(steps_type_0_item)

                return steps_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PlanStep] | None | Unset, data)

        steps = _parse_steps(d.pop("steps", UNSET))

        def _parse_approvers(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                approvers_type_0 = cast(list[str], data)

                return approvers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        approvers = _parse_approvers(d.pop("approvers", UNSET))

        def _parse_required_approvals(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        required_approvals = _parse_required_approvals(d.pop("required_approvals", UNSET))

        def _parse_repository(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        repository = _parse_repository(d.pop("repository", UNSET))

        release_update = cls(
            name=name,
            description=description,
            target_date=target_date,
            scope=scope,
            steps=steps,
            approvers=approvers,
            required_approvals=required_approvals,
            repository=repository,
        )

        return release_update
