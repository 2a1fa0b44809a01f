from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.ci_source_create_provider import CiSourceCreateProvider, check_ci_source_create_provider
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.checklist_rule import ChecklistRule
    from ..models.git_hub_app_config import GitHubAppConfig


T = TypeVar("T", bound="CiSourceCreate")


@_attrs_define
class CiSourceCreate:
    """A repository whose CI may call TPM Hub's webhooks for this project.

    Attributes:
        provider (CiSourceCreateProvider): `github` (also Gitea/Forgejo), `gitlab`, or `generic` (Standard Webhooks
            signed JSON, e.g. from Jenkins).
        repository (str): GitHub `owner/repo`, GitLab `group/project` path, or the generic name.
        name (str | Unset):  Default: ''.
        secret (None | str | Unset): GitHub/GitLab: the webhook secret you configure there (generated when omitted).
            Generic: always generated (`whsec_…`).
        version_patterns (list[str] | Unset): Branch or tag templates naming the release version: `{version}` exactly
            once (captures `[0-9A-Za-z][0-9A-Za-z.+-]*`), `*` matches anything (at most 4 per pattern); at most 20 patterns
            of 100 characters; the first that matches wins.
        checklist_rules (list[ChecklistRule] | Unset):
        production_environments (list[str] | Unset):
        active (bool | Unset):  Default: True.
        github_app (GitHubAppConfig | None | Unset): GitHub only: the App answering the custom deployment protection
            rule.
    """

    provider: CiSourceCreateProvider
    repository: str
    name: str | Unset = ""
    secret: None | str | Unset = UNSET
    version_patterns: list[str] | Unset = UNSET
    checklist_rules: list[ChecklistRule] | Unset = UNSET
    production_environments: list[str] | Unset = UNSET
    active: bool | Unset = True
    github_app: GitHubAppConfig | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.git_hub_app_config import GitHubAppConfig  # noqa: PLC0415

        provider: str = self.provider

        repository = self.repository

        name = self.name

        secret: None | str | Unset
        if isinstance(self.secret, Unset):
            secret = UNSET
        else:
            secret = self.secret

        version_patterns: list[str] | Unset = UNSET
        if not isinstance(self.version_patterns, Unset):
            version_patterns = self.version_patterns

        checklist_rules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.checklist_rules, Unset):
            checklist_rules = []
            for checklist_rules_item_data in self.checklist_rules:
                checklist_rules_item = checklist_rules_item_data.to_dict()
                checklist_rules.append(checklist_rules_item)

        production_environments: list[str] | Unset = UNSET
        if not isinstance(self.production_environments, Unset):
            production_environments = self.production_environments

        active = self.active

        github_app: dict[str, Any] | None | Unset
        if isinstance(self.github_app, Unset):
            github_app = UNSET
        elif isinstance(self.github_app, GitHubAppConfig):
            github_app = self.github_app.to_dict()
        else:
            github_app = self.github_app

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "provider": provider,
                "repository": repository,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if secret is not UNSET:
            field_dict["secret"] = secret
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
        provider = check_ci_source_create_provider(d.pop("provider"))

        repository = d.pop("repository")

        name = d.pop("name", UNSET)

        def _parse_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret = _parse_secret(d.pop("secret", UNSET))

        version_patterns = cast(list[str], d.pop("version_patterns", UNSET))

        _checklist_rules = d.pop("checklist_rules", UNSET)
        checklist_rules: list[ChecklistRule] | Unset = UNSET
        if _checklist_rules is not UNSET:
            checklist_rules = []
            for checklist_rules_item_data in _checklist_rules:
                checklist_rules_item = ChecklistRule.from_dict(checklist_rules_item_data)

                checklist_rules.append(checklist_rules_item)

        production_environments = cast(list[str], d.pop("production_environments", UNSET))

        active = d.pop("active", UNSET)

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

        ci_source_create = cls(
            provider=provider,
            repository=repository,
            name=name,
            secret=secret,
            version_patterns=version_patterns,
            checklist_rules=checklist_rules,
            production_environments=production_environments,
            active=active,
            github_app=github_app,
        )

        return ci_source_create
