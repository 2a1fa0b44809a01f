from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.field_diff import FieldDiff
    from ..models.links_diff import LinksDiff
    from ..models.section_diff import SectionDiff


T = TypeVar("T", bound="DocumentDiff")


@_attrs_define
class DocumentDiff:
    """A section-by-section comparison of two versions (or of a version and the current working copy).

    Attributes:
        document_id (UUID):
        from_version (int):
        to_version (int | None): Null when comparing with the current working copy.
        to_revision (int): The revision the right side shows.
        title (FieldDiff): A single text field on both sides of a diff.
        sections (list[SectionDiff]):
        linked_items (LinksDiff): Linked item keys added and removed between the two sides (designs).
        changed_sections (list[str]):
    """

    document_id: UUID
    from_version: int
    to_version: int | None
    to_revision: int
    title: FieldDiff
    sections: list[SectionDiff]
    linked_items: LinksDiff
    changed_sections: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_id = str(self.document_id)

        from_version = self.from_version

        to_version: int | None
        to_version = self.to_version

        to_revision = self.to_revision

        title = self.title.to_dict()

        sections = []
        for sections_item_data in self.sections:
            sections_item = sections_item_data.to_dict()
            sections.append(sections_item)

        linked_items = self.linked_items.to_dict()

        changed_sections = self.changed_sections

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "document_id": document_id,
                "from_version": from_version,
                "to_version": to_version,
                "to_revision": to_revision,
                "title": title,
                "sections": sections,
                "linked_items": linked_items,
                "changed_sections": changed_sections,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_diff import FieldDiff  # noqa: PLC0415
        from ..models.links_diff import LinksDiff  # noqa: PLC0415
        from ..models.section_diff import SectionDiff  # noqa: PLC0415

        d = dict(src_dict)
        document_id = UUID(d.pop("document_id"))

        from_version = d.pop("from_version")

        def _parse_to_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        to_version = _parse_to_version(d.pop("to_version"))

        to_revision = d.pop("to_revision")

        title = FieldDiff.from_dict(d.pop("title"))

        sections = []
        _sections = d.pop("sections")
        for sections_item_data in _sections:
            sections_item = SectionDiff.from_dict(sections_item_data)

            sections.append(sections_item)

        linked_items = LinksDiff.from_dict(d.pop("linked_items"))

        changed_sections = cast(list[str], d.pop("changed_sections"))

        document_diff = cls(
            document_id=document_id,
            from_version=from_version,
            to_version=to_version,
            to_revision=to_revision,
            title=title,
            sections=sections,
            linked_items=linked_items,
            changed_sections=changed_sections,
        )

        document_diff.additional_properties = d
        return document_diff

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
