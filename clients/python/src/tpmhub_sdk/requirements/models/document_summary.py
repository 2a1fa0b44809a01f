from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_summary_kind import DocumentSummaryKind, check_document_summary_kind
from ..models.document_summary_status import DocumentSummaryStatus, check_document_summary_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentSummary")


@_attrs_define
class DocumentSummary:
    """A PRD or design in a list (without section bodies).

    Attributes:
        id (UUID):
        kind (DocumentSummaryKind):
        project_key (str):
        title (str):
        status (DocumentSummaryStatus):
        revision (int): The revision being worked on (N); approval freezes it as version N.
        approved_revision (int | None): The latest approved (frozen) version, if any.
        owner (str):
        linked_items (list[str]): Designs: the epics/features designed.
        review_round (int): Review rounds so far (each submit starts one).
        quorum (int | None): Approvals needed in the current round.
        version (int): Optimistic-lock counter behind the ETag.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        submitted_by (None | str | Unset):
        submitted_at (datetime.datetime | None | Unset):
    """

    id: UUID
    kind: DocumentSummaryKind
    project_key: str
    title: str
    status: DocumentSummaryStatus
    revision: int
    approved_revision: int | None
    owner: str
    linked_items: list[str]
    review_round: int
    quorum: int | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    submitted_by: None | str | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind: str = self.kind

        project_key = self.project_key

        title = self.title

        status: str = self.status

        revision = self.revision

        approved_revision: int | None
        approved_revision = self.approved_revision

        owner = self.owner

        linked_items = self.linked_items

        review_round = self.review_round

        quorum: int | None
        quorum = self.quorum

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        submitted_by: None | str | Unset
        if isinstance(self.submitted_by, Unset):
            submitted_by = UNSET
        else:
            submitted_by = self.submitted_by

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        elif isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "project_key": project_key,
                "title": title,
                "status": status,
                "revision": revision,
                "approved_revision": approved_revision,
                "owner": owner,
                "linked_items": linked_items,
                "review_round": review_round,
                "quorum": quorum,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if submitted_by is not UNSET:
            field_dict["submitted_by"] = submitted_by
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = check_document_summary_kind(d.pop("kind"))

        project_key = d.pop("project_key")

        title = d.pop("title")

        status = check_document_summary_status(d.pop("status"))

        revision = d.pop("revision")

        def _parse_approved_revision(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        approved_revision = _parse_approved_revision(d.pop("approved_revision"))

        owner = d.pop("owner")

        linked_items = cast(list[str], d.pop("linked_items"))

        review_round = d.pop("review_round")

        def _parse_quorum(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quorum = _parse_quorum(d.pop("quorum"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_submitted_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        submitted_by = _parse_submitted_by(d.pop("submitted_by", UNSET))

        def _parse_submitted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at", UNSET))

        document_summary = cls(
            id=id,
            kind=kind,
            project_key=project_key,
            title=title,
            status=status,
            revision=revision,
            approved_revision=approved_revision,
            owner=owner,
            linked_items=linked_items,
            review_round=review_round,
            quorum=quorum,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            submitted_by=submitted_by,
            submitted_at=submitted_at,
        )

        document_summary.additional_properties = d
        return document_summary

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
