from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.section_diff_change import SectionDiffChange, check_section_diff_change

T = TypeVar("T", bound="SectionDiff")


@_attrs_define
class SectionDiff:
    """How one section changed between two versions.

    Attributes:
        id (UUID):
        key (str):
        title (str):
        change (SectionDiffChange):
        before (str):
        after (str):
        patch (str): Unified diff of the section text (empty when unchanged).
    """

    id: UUID
    key: str
    title: str
    change: SectionDiffChange
    before: str
    after: str
    patch: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        title = self.title

        change: str = self.change

        before = self.before

        after = self.after

        patch = self.patch

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "title": title,
                "change": change,
                "before": before,
                "after": after,
                "patch": patch,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        title = d.pop("title")

        change = check_section_diff_change(d.pop("change"))

        before = d.pop("before")

        after = d.pop("after")

        patch = d.pop("patch")

        section_diff = cls(
            id=id,
            key=key,
            title=title,
            change=change,
            before=before,
            after=after,
            patch=patch,
        )

        section_diff.additional_properties = d
        return section_diff

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
