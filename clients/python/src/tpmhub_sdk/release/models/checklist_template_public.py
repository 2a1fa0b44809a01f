from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.checklist_template_item import ChecklistTemplateItem


T = TypeVar("T", bound="ChecklistTemplatePublic")


@_attrs_define
class ChecklistTemplatePublic:
    """
    Attributes:
        project_key (str):
        items (list[ChecklistTemplateItem]):
        is_default (bool): True when the project has not set its own template.
    """

    project_key: str
    items: list[ChecklistTemplateItem]
    is_default: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_key = self.project_key

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        is_default = self.is_default

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_key": project_key,
                "items": items,
                "is_default": is_default,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checklist_template_item import ChecklistTemplateItem  # noqa: PLC0415

        d = dict(src_dict)
        project_key = d.pop("project_key")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ChecklistTemplateItem.from_dict(items_item_data)

            items.append(items_item)

        is_default = d.pop("is_default")

        checklist_template_public = cls(
            project_key=project_key,
            items=items,
            is_default=is_default,
        )

        checklist_template_public.additional_properties = d
        return checklist_template_public

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
