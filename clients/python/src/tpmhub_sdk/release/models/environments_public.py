from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.environment_public import EnvironmentPublic


T = TypeVar("T", bound="EnvironmentsPublic")


@_attrs_define
class EnvironmentsPublic:
    """The project's environments: every place that names an environment accepts a name or an alias and
    stores the name; anything else is refused with 422.

        Attributes:
            project_key (str):
            environments (list[EnvironmentPublic]):
            is_default (bool): No list saved yet: the default set applies.
            version (int): As in the ETag (0 for the default set).
    """

    project_key: str
    environments: list[EnvironmentPublic]
    is_default: bool
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_key = self.project_key

        environments = []
        for environments_item_data in self.environments:
            environments_item = environments_item_data.to_dict()
            environments.append(environments_item)

        is_default = self.is_default

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_key": project_key,
                "environments": environments,
                "is_default": is_default,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.environment_public import EnvironmentPublic  # noqa: PLC0415

        d = dict(src_dict)
        project_key = d.pop("project_key")

        environments = []
        _environments = d.pop("environments")
        for environments_item_data in _environments:
            environments_item = EnvironmentPublic.from_dict(environments_item_data)

            environments.append(environments_item)

        is_default = d.pop("is_default")

        version = d.pop("version")

        environments_public = cls(
            project_key=project_key,
            environments=environments,
            is_default=is_default,
            version=version,
        )

        environments_public.additional_properties = d
        return environments_public

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
