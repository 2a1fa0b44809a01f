"""A document as the services hand it out (the working copy, its sections, the current round's reviews)
and its API form; what may be done in each state."""

from dataclasses import dataclass

from requirements_svc.document_reviews.models import DocumentReview
from requirements_svc.documents.kinds import DocumentKind
from requirements_svc.documents.models import Document, DocumentSection
from requirements_svc.documents.schemas import DocumentPublic, DocumentSummary, ReviewPublic, SectionPublic

# What may be done in each state; the 409 for anything else lists these.
ACTIONS: dict[str, tuple[str, ...]] = {
    "draft": ("edit", "submit"),
    "changes_requested": ("edit", "submit"),
    "in_review": ("decide", "withdraw"),
    "approved": ("edit",),
}


@dataclass
class DocumentView:
    document: Document
    sections: list[DocumentSection]
    reviews: list[DocumentReview]

    @property
    def allowed_actions(self) -> list[str]:
        return list(ACTIONS[self.document.status])


def to_public(kind: DocumentKind, view: DocumentView) -> DocumentPublic:
    titles = dict(kind.sections)
    doc = view.document
    return DocumentPublic(
        **DocumentSummary.model_validate(doc).model_dump(),
        sections=[
            SectionPublic(id=s.id, key=s.key, title=titles.get(s.key, s.key), body=s.body)
            for s in view.sections
        ],
        reviewers=[ReviewPublic.model_validate(r) for r in view.reviews],
        allowed_actions=view.allowed_actions,
    )
