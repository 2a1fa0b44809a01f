from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.checklist_rule import ChecklistRule
    from ..models.git_hub_app_config import GitHubAppConfig


T = TypeVar("T", bound="CiSourceUpdate")


@_attrs_define
class CiSourceUpdate:
    """Fields to change (JSON merge patch).

    Attributes:
        name (None | str | Unset):
        version_patterns (list[str] | None | Unset): Branch or tag templates naming the release version: `{version}`
            exactly once (captures `[0-9A-Za-z][0-9A-Za-z.+-]*`), `*` matches anything (at most 4 per pattern); at most 20
            patterns of 100 characters; the first that matches wins.
        checklist_rules (list[ChecklistRule] | None | Unset):
        production_environments (list[str] | None | Unset):
        active (bool | None | Unset):
        github_app (GitHubAppConfig | None | Unset): Replace the GitHub App configuration (all fields); `null` removes
            it.
    """

    name: None | str | Unset = UNSET
    version_patterns: list[str] | None | Unset = UNSET
    checklist_rules: list[ChecklistRule] | None | Unset = UNSET
    production_environments: list[str] | None | Unset = UNSET
    active: bool | None | Unset = UNSET
    github_app: GitHubAppConfig | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.git_hub_app_config import GitHubAppConfig  # noqa: PLC0415

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        version_patterns: list[str] | None | Unset
        if isinstance(self.version_patterns, Unset):
            version_patterns = UNSET
        elif isinstance(self.version_patterns, list):
            version_patterns = self.version_patterns

        else:
            version_patterns = self.version_patterns

        checklist_rules: list[dict[str, Any]] | None | Unset
        if isinstance(self.checklist_rules, Unset):
            checklist_rules = UNSET
        elif isinstance(self.checklist_rules, list):
            checklist_rules = []
            for checklist_rules_type_0_item_data in self.checklist_rules:
                checklist_rules_type_0_item = checklist_rules_type_0_item_data.to_dict()
                checklist_rules.append(checklist_rules_type_0_item)

        else:
            checklist_rules = self.checklist_rules

        production_environments: list[str] | None | Unset
        if isinstance(self.production_environments, Unset):
            production_environments = UNSET
        elif isinstance(self.production_environments, list):
            production_environments = self.production_environments

        else:
            production_environments = self.production_environments

        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        github_app: dict[str, Any] | None | Unset
        if isinstance(self.github_app, Unset):
            github_app = UNSET
        elif isinstance(self.github_app, GitHubAppConfig):
            github_app = self.github_app.to_dict()
        else:
            github_app = self.github_app

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if version_patterns is not UNSET:
            field_dict["version_patterns"] = version_patterns
        if checklist_rules is not UNSET:
            field_dict["checklist_rules"] = checklist_rules
        if production_environments is not UNSET:
            field_dict["production_environments"] = production_environments
        if active is not UNSET:
            field_dict["active"] = active
        if github_app is not UNSET:
            field_dict["github_app"] = github_app

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checklist_rule import ChecklistRule  # noqa: PLC0415
        from ..models.git_hub_app_config import GitHubAppConfig  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_version_patterns(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                version_patterns_type_0 = cast(list[str], data)

                return version_patterns_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        version_patterns = _parse_version_patterns(d.pop("version_patterns", UNSET))

        def _parse_checklist_rules(data: object) -> list[ChecklistRule] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                checklist_rules_type_0 = []
                _checklist_rules_type_0 = data
                for checklist_rules_type_0_item_data in _checklist_rules_type_0:
                    checklist_rules_type_0_item = ChecklistRule.from_dict(checklist_rules_type_0_item_data)

                    checklist_rules_type_0.append(checklist_rules_type_0_item)

                return checklist_rules_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChecklistRule] | None | Unset, data)

        checklist_rules = _parse_checklist_rules(d.pop("checklist_rules", UNSET))

        def _parse_production_environments(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                production_environments_type_0 = cast(list[str], data)

                return production_environments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        production_environments = _parse_production_environments(d.pop("production_environments", UNSET))

        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        def _parse_github_app(data: object) -> GitHubAppConfig | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                github_app_type_0 = GitHubAppConfig.from_dict(data)

                return github_app_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GitHubAppConfig | None | Unset, data)

        github_app = _parse_github_app(d.pop("github_app", UNSET))

        ci_source_update = cls(
            name=name,
            version_patterns=version_patterns,
            checklist_rules=checklist_rules,
            production_environments=production_environments,
            active=active,
            github_app=github_app,
        )

        return ci_source_update
