from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.version_public_kind import VersionPublicKind, check_version_public_kind

if TYPE_CHECKING:
    from ..models.section_public import SectionPublic


T = TypeVar("T", bound="VersionPublic")


@_attrs_define
class VersionPublic:
    """An approved version exactly as it was frozen; it never changes.

    Attributes:
        number (int):
        title (str):
        approvers (list[str]):
        review_round (int):
        approved_at (datetime.datetime):
        document_id (UUID):
        kind (VersionPublicKind):
        project_key (str):
        sections (list[SectionPublic]):
        linked_items (list[str]):
    """

    number: int
    title: str
    approvers: list[str]
    review_round: int
    approved_at: datetime.datetime
    document_id: UUID
    kind: VersionPublicKind
    project_key: str
    sections: list[SectionPublic]
    linked_items: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        title = self.title

        approvers = self.approvers

        review_round = self.review_round

        approved_at = self.approved_at.isoformat()

        document_id = str(self.document_id)

        kind: str = self.kind

        project_key = self.project_key

        sections = []
        for sections_item_data in self.sections:
            sections_item = sections_item_data.to_dict()
            sections.append(sections_item)

        linked_items = self.linked_items

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "title": title,
                "approvers": approvers,
                "review_round": review_round,
                "approved_at": approved_at,
                "document_id": document_id,
                "kind": kind,
                "project_key": project_key,
                "sections": sections,
                "linked_items": linked_items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.section_public import SectionPublic  # noqa: PLC0415

        d = dict(src_dict)
        number = d.pop("number")

        title = d.pop("title")

        approvers = cast(list[str], d.pop("approvers"))

        review_round = d.pop("review_round")

        approved_at = datetime.datetime.fromisoformat(d.pop("approved_at"))

        document_id = UUID(d.pop("document_id"))

        kind = check_version_public_kind(d.pop("kind"))

        project_key = d.pop("project_key")

        sections = []
        _sections = d.pop("sections")
        for sections_item_data in _sections:
            sections_item = SectionPublic.from_dict(sections_item_data)

            sections.append(sections_item)

        linked_items = cast(list[str], d.pop("linked_items"))

        version_public = cls(
            number=number,
            title=title,
            approvers=approvers,
            review_round=review_round,
            approved_at=approved_at,
            document_id=document_id,
            kind=kind,
            project_key=project_key,
            sections=sections,
            linked_items=linked_items,
        )

        version_public.additional_properties = d
        return version_public

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
