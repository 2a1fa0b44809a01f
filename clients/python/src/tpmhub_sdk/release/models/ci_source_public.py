from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.checklist_rule import ChecklistRule
    from ..models.git_hub_app_public import GitHubAppPublic


T = TypeVar("T", bound="CiSourcePublic")


@_attrs_define
class CiSourcePublic:
    """A configured CI source (its secret is shown only when created).

    Attributes:
        id (UUID):
        project_key (str):
        provider (str):
        repository (str):
        name (str):
        version_patterns (list[str]):
        checklist_rules (list[ChecklistRule]):
        production_environments (list[str]):
        active (bool):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        github_app (GitHubAppPublic | None | Unset): The GitHub App answering the custom deployment protection rule.
        webhook_url (str | Unset): Where to point the CI system (path on release-svc). Default: ''.
    """

    id: UUID
    project_key: str
    provider: str
    repository: str
    name: str
    version_patterns: list[str]
    checklist_rules: list[ChecklistRule]
    production_environments: list[str]
    active: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    github_app: GitHubAppPublic | None | Unset = UNSET
    webhook_url: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.git_hub_app_public import GitHubAppPublic  # noqa: PLC0415

        id = str(self.id)

        project_key = self.project_key

        provider = self.provider

        repository = self.repository

        name = self.name

        version_patterns = self.version_patterns

        checklist_rules = []
        for checklist_rules_item_data in self.checklist_rules:
            checklist_rules_item = checklist_rules_item_data.to_dict()
            checklist_rules.append(checklist_rules_item)

        production_environments = self.production_environments

        active = self.active

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        github_app: dict[str, Any] | None | Unset
        if isinstance(self.github_app, Unset):
            github_app = UNSET
        elif isinstance(self.github_app, GitHubAppPublic):
            github_app = self.github_app.to_dict()
        else:
            github_app = self.github_app

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_key": project_key,
                "provider": provider,
                "repository": repository,
                "name": name,
                "version_patterns": version_patterns,
                "checklist_rules": checklist_rules,
                "production_environments": production_environments,
                "active": active,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if github_app is not UNSET:
            field_dict["github_app"] = github_app
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checklist_rule import ChecklistRule  # noqa: PLC0415
        from ..models.git_hub_app_public import GitHubAppPublic  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_key = d.pop("project_key")

        provider = d.pop("provider")

        repository = d.pop("repository")

        name = d.pop("name")

        version_patterns = cast(list[str], d.pop("version_patterns"))

        checklist_rules = []
        _checklist_rules = d.pop("checklist_rules")
        for checklist_rules_item_data in _checklist_rules:
            checklist_rules_item = ChecklistRule.from_dict(checklist_rules_item_data)

            checklist_rules.append(checklist_rules_item)

        production_environments = cast(list[str], d.pop("production_environments"))

        active = d.pop("active")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_github_app(data: object) -> GitHubAppPublic | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                github_app_type_0 = GitHubAppPublic.from_dict(data)

                return github_app_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GitHubAppPublic | None | Unset, data)

        github_app = _parse_github_app(d.pop("github_app", UNSET))

        webhook_url = d.pop("webhook_url", UNSET)

        ci_source_public = cls(
            id=id,
            project_key=project_key,
            provider=provider,
            repository=repository,
            name=name,
            version_patterns=version_patterns,
            checklist_rules=checklist_rules,
            production_environments=production_environments,
            active=active,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            github_app=github_app,
            webhook_url=webhook_url,
        )

        ci_source_public.additional_properties = d
        return ci_source_public

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
