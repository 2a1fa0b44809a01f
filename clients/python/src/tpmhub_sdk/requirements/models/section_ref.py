from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.section_ref_document_status import SectionRefDocumentStatus, check_section_ref_document_status
from ..models.section_ref_kind import SectionRefKind, check_section_ref_kind

T = TypeVar("T", bound="SectionRef")


@_attrs_define
class SectionRef:
    """A section found by its stable id, with the document it belongs to (current working copy).

    Attributes:
        id (UUID):
        key (str):
        title (str):
        body (str):
        document_id (UUID):
        kind (SectionRefKind):
        project_key (str):
        document_title (str):
        document_status (SectionRefDocumentStatus):
        revision (int):
        document_url (str):
    """

    id: UUID
    key: str
    title: str
    body: str
    document_id: UUID
    kind: SectionRefKind
    project_key: str
    document_title: str
    document_status: SectionRefDocumentStatus
    revision: int
    document_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        title = self.title

        body = self.body

        document_id = str(self.document_id)

        kind: str = self.kind

        project_key = self.project_key

        document_title = self.document_title

        document_status: str = self.document_status

        revision = self.revision

        document_url = self.document_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "title": title,
                "body": body,
                "document_id": document_id,
                "kind": kind,
                "project_key": project_key,
                "document_title": document_title,
                "document_status": document_status,
                "revision": revision,
                "document_url": document_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        title = d.pop("title")

        body = d.pop("body")

        document_id = UUID(d.pop("document_id"))

        kind = check_section_ref_kind(d.pop("kind"))

        project_key = d.pop("project_key")

        document_title = d.pop("document_title")

        document_status = check_section_ref_document_status(d.pop("document_status"))

        revision = d.pop("revision")

        document_url = d.pop("document_url")

        section_ref = cls(
            id=id,
            key=key,
            title=title,
            body=body,
            document_id=document_id,
            kind=kind,
            project_key=project_key,
            document_title=document_title,
            document_status=document_status,
            revision=revision,
            document_url=document_url,
        )

        section_ref.additional_properties = d
        return section_ref

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
