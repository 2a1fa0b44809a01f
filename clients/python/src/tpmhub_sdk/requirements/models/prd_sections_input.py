from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PrdSectionsInput")


@_attrs_define
class PrdSectionsInput:
    """The fixed sections of a PRD. Every PRD has all of them (empty until written).

    Attributes:
        background (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null empties the
            section.
        goals (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null empties the
            section.
        non_goals (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null empties the
            section.
        user_scenarios (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null empties
            the section.
        functional_requirements (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null
            empties the section.
        non_functional_requirements (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays,
            null empties the section.
        metrics (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null empties the
            section.
        open_questions (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null empties
            the section.
        design_links (None | str | Unset): Markdown, up to 50,000 characters. In a PATCH: omitted stays, null empties
            the section.
    """

    background: None | str | Unset = UNSET
    goals: None | str | Unset = UNSET
    non_goals: None | str | Unset = UNSET
    user_scenarios: None | str | Unset = UNSET
    functional_requirements: None | str | Unset = UNSET
    non_functional_requirements: None | str | Unset = UNSET
    metrics: None | str | Unset = UNSET
    open_questions: None | str | Unset = UNSET
    design_links: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        background: None | str | Unset
        if isinstance(self.background, Unset):
            background = UNSET
        else:
            background = self.background

        goals: None | str | Unset
        if isinstance(self.goals, Unset):
            goals = UNSET
        else:
            goals = self.goals

        non_goals: None | str | Unset
        if isinstance(self.non_goals, Unset):
            non_goals = UNSET
        else:
            non_goals = self.non_goals

        user_scenarios: None | str | Unset
        if isinstance(self.user_scenarios, Unset):
            user_scenarios = UNSET
        else:
            user_scenarios = self.user_scenarios

        functional_requirements: None | str | Unset
        if isinstance(self.functional_requirements, Unset):
            functional_requirements = UNSET
        else:
            functional_requirements = self.functional_requirements

        non_functional_requirements: None | str | Unset
        if isinstance(self.non_functional_requirements, Unset):
            non_functional_requirements = UNSET
        else:
            non_functional_requirements = self.non_functional_requirements

        metrics: None | str | Unset
        if isinstance(self.metrics, Unset):
            metrics = UNSET
        else:
            metrics = self.metrics

        open_questions: None | str | Unset
        if isinstance(self.open_questions, Unset):
            open_questions = UNSET
        else:
            open_questions = self.open_questions

        design_links: None | str | Unset
        if isinstance(self.design_links, Unset):
            design_links = UNSET
        else:
            design_links = self.design_links

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if background is not UNSET:
            field_dict["background"] = background
        if goals is not UNSET:
            field_dict["goals"] = goals
        if non_goals is not UNSET:
            field_dict["non_goals"] = non_goals
        if user_scenarios is not UNSET:
            field_dict["user_scenarios"] = user_scenarios
        if functional_requirements is not UNSET:
            field_dict["functional_requirements"] = functional_requirements
        if non_functional_requirements is not UNSET:
            field_dict["non_functional_requirements"] = non_functional_requirements
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if open_questions is not UNSET:
            field_dict["open_questions"] = open_questions
        if design_links is not UNSET:
            field_dict["design_links"] = design_links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_background(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        background = _parse_background(d.pop("background", UNSET))

        def _parse_goals(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        goals = _parse_goals(d.pop("goals", UNSET))

        def _parse_non_goals(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        non_goals = _parse_non_goals(d.pop("non_goals", UNSET))

        def _parse_user_scenarios(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_scenarios = _parse_user_scenarios(d.pop("user_scenarios", UNSET))

        def _parse_functional_requirements(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        functional_requirements = _parse_functional_requirements(d.pop("functional_requirements", UNSET))

        def _parse_non_functional_requirements(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        non_functional_requirements = _parse_non_functional_requirements(
            d.pop("non_functional_requirements", UNSET)
        )

        def _parse_metrics(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        metrics = _parse_metrics(d.pop("metrics", UNSET))

        def _parse_open_questions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        open_questions = _parse_open_questions(d.pop("open_questions", UNSET))

        def _parse_design_links(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        design_links = _parse_design_links(d.pop("design_links", UNSET))

        prd_sections_input = cls(
            background=background,
            goals=goals,
            non_goals=non_goals,
            user_scenarios=user_scenarios,
            functional_requirements=functional_requirements,
            non_functional_requirements=non_functional_requirements,
            metrics=metrics,
            open_questions=open_questions,
            design_links=design_links,
        )

        return prd_sections_input
