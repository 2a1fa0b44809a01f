"""Request and response bodies for PRDs and designs. Requests are per kind (their sections differ);
responses are shared, since both kinds are one document."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from tpmhub_shared.contracts import ItemKey
from tpmhub_shared.vocabulary import DocumentStatus

MAX_SECTION_CHARS = 50_000
MAX_REVIEWERS = 20
MAX_LINKED_ITEMS = 100

SectionText = Annotated[str, StringConstraints(max_length=MAX_SECTION_CHARS)]
Title = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Subject = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
DesignDomain = Literal["architecture", "security", "data", "ops"]

_SECTION_HELP = "Markdown, up to 50,000 characters. In a PATCH: omitted stays, null empties the section."


def _section(example: str) -> object:
    return Field(default=None, description=_SECTION_HELP, examples=[example])


class PrdSectionsInput(BaseModel):
    """The fixed sections of a PRD. Every PRD has all of them (empty until written)."""

    model_config = ConfigDict(extra="forbid")

    background: SectionText | None = _section("Checkout conversion fell 4% after the 3-D Secure rollout.")
    goals: SectionText | None = _section("- Recover conversion to the pre-rollout level.")
    non_goals: SectionText | None = _section("- New payment methods.")
    user_scenarios: SectionText | None = _section("A returning buyer pays with a saved card in one step.")
    functional_requirements: SectionText | None = _section("FR-1 Skip the challenge for low-risk payments.")
    non_functional_requirements: SectionText | None = _section("p99 of the payment call under 300 ms.")
    metrics: SectionText | None = _section("Checkout conversion, challenge rate, fraud rate.")
    open_questions: SectionText | None = _section("Which issuers support exemptions?")
    design_links: SectionText | None = _section("Design: /v1/designs/0193...")


class DesignSectionsInput(BaseModel):
    """The fixed sections of a technical design (技术方案). Every design has all of them."""

    model_config = ConfigDict(extra="forbid")

    context: SectionText | None = _section("Payments call the 3DS server synchronously.")
    proposal: SectionText | None = _section("Add a risk-based exemption step before the challenge.")
    alternatives: SectionText | None = _section("Use the acquirer's exemption engine.")
    trade_offs: SectionText | None = _section("Own engine: more control, more upkeep.")
    risks: SectionText | None = _section("Liability shift lost for exempted payments.")
    cost: SectionText | None = _section("Two engineers for six weeks.")
    rollout_and_rollback: SectionText | None = _section(
        "Gray rollout 1% → 10% → 100%; flag off to roll back."
    )
    open_questions: SectionText | None = _section("Do we need a new data store?")


class PrdCreate(BaseModel):
    """A new PRD. It starts as draft revision 1 with every section present (empty unless given)."""

    model_config = ConfigDict(extra="forbid")

    title: Title = Field(examples=["Frictionless 3-D Secure"])
    sections: PrdSectionsInput = Field(
        default_factory=PrdSectionsInput, description="Section texts by key; sections left out start empty."
    )


class PrdUpdate(BaseModel):
    """Changes to a PRD (JSON merge patch). Editing an approved PRD starts draft revision N+1;
    a PRD in review cannot be edited (withdraw it first)."""

    model_config = ConfigDict(extra="forbid")

    title: Title | None = Field(default=None, examples=["Frictionless 3-D Secure v2"])
    sections: PrdSectionsInput | None = Field(
        default=None, description="Only the sections sent change; null empties one section."
    )


class DesignCreate(BaseModel):
    """A new technical design, linked to the epics and features (item keys) it designs."""

    model_config = ConfigDict(extra="forbid")

    title: Title = Field(examples=["Risk-based 3DS exemptions"])
    sections: DesignSectionsInput = Field(
        default_factory=DesignSectionsInput,
        description="Section texts by key; sections left out start empty.",
    )
    linked_items: list[ItemKey] = Field(
        default_factory=list,
        max_length=MAX_LINKED_ITEMS,
        examples=[["PAY-12", "PAY-13"]],
        description="Keys of the epics/features in this project that the design covers.",
    )


class DesignUpdate(BaseModel):
    """Changes to a design (JSON merge patch); `linked_items` replaces the whole list (null empties it)."""

    model_config = ConfigDict(extra="forbid")

    title: Title | None = Field(default=None, examples=["Risk-based 3DS exemptions v2"])
    sections: DesignSectionsInput | None = Field(
        default=None, description="Only the sections sent change; null empties one section."
    )
    linked_items: list[ItemKey] | None = Field(
        default=None, max_length=MAX_LINKED_ITEMS, examples=[["PAY-12"]]
    )


class PrdReviewerAssignment(BaseModel):
    """A reviewer of a PRD for this round."""

    model_config = ConfigDict(extra="forbid")

    reviewer: Subject = Field(description="The reviewer's user id (JWT `sub`).", examples=["bob"])
    domain: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = Field(
        default=None, description="What the reviewer looks at (free text).", examples=["engineering"]
    )
    required: bool = Field(default=True, description="A required reviewer must approve for the PRD to pass.")


class DesignReviewerAssignment(BaseModel):
    """A domain reviewer of a design for this round."""

    model_config = ConfigDict(extra="forbid")

    reviewer: Subject = Field(description="The reviewer's user id (JWT `sub`).", examples=["carol"])
    domain: DesignDomain = Field(description="The domain this reviewer signs off.", examples=["security"])
    required: bool = Field(
        default=True, description="A required reviewer must approve for the design to pass."
    )


class _SubmitBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    quorum: int | None = Field(
        default=None,
        ge=1,
        le=MAX_REVIEWERS,
        description="Approvals needed (every required reviewer must always approve). Default: the number of "
        "required reviewers, or every reviewer when none is required.",
        examples=[2],
    )
    note: str | None = Field(default=None, max_length=2000, examples=["Ready for the Tuesday review."])


class PrdSubmit(_SubmitBase):
    """Send a PRD to review, naming this round's reviewers."""

    reviewers: list[PrdReviewerAssignment] = Field(min_length=1, max_length=MAX_REVIEWERS)


class DesignSubmit(_SubmitBase):
    """Send a design to review, naming this round's reviewers per domain."""

    reviewers: list[DesignReviewerAssignment] = Field(min_length=1, max_length=MAX_REVIEWERS)


class DecisionRequest(BaseModel):
    """An assigned reviewer's decision on the document under review."""

    model_config = ConfigDict(extra="forbid")

    decision: Literal["approve", "request_changes"] = Field(examples=["approve"])
    comment: str = Field(
        default="",
        max_length=5000,
        examples=["LGTM; metrics section is clear."],
        description="Required when requesting changes.",
    )

    @model_validator(mode="after")
    def _comment_for_changes(self) -> "DecisionRequest":
        if self.decision == "request_changes" and not self.comment.strip():
            raise ValueError("a comment is required when requesting changes")
        return self


class SectionPublic(BaseModel):
    """One section; `id` stays the same across every revision of the document, so items can link to it."""

    id: uuid.UUID
    key: str = Field(examples=["functional_requirements"])
    title: str = Field(examples=["Functional requirements"])
    body: str = Field(examples=["FR-1 Skip the challenge for low-risk payments."])


class ReviewPublic(BaseModel):
    """A reviewer assigned in a review round, with their decision once made."""

    model_config = ConfigDict(from_attributes=True)

    reviewer: str = Field(examples=["bob"])
    domain: str | None = Field(default=None, examples=["security"])
    required: bool = True
    decision: Literal["approve", "request_changes"] | None = Field(default=None, examples=["approve"])
    comment: str | None = None
    decided_at: datetime | None = None
    review_round: int = Field(examples=[1])
    revision: int = Field(examples=[1])
    assigned_by: str = Field(examples=["alice"])
    assigned_at: datetime


class DocumentSummary(BaseModel):
    """A PRD or design in a list (without section bodies)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: Literal["prd", "design"] = Field(examples=["prd"])
    project_key: str = Field(examples=["PAY"])
    title: str = Field(examples=["Frictionless 3-D Secure"])
    status: DocumentStatus = Field(examples=["in_review"])
    revision: int = Field(
        description="The revision being worked on (N); approval freezes it as version N.", examples=[2]
    )
    approved_revision: int | None = Field(
        description="The latest approved (frozen) version, if any.", examples=[1]
    )
    owner: str = Field(examples=["alice"])
    linked_items: list[str] = Field(
        examples=[["PAY-12"]], description="Designs: the epics/features designed."
    )
    review_round: int = Field(description="Review rounds so far (each submit starts one).", examples=[1])
    quorum: int | None = Field(description="Approvals needed in the current round.", examples=[2])
    submitted_by: str | None = None
    submitted_at: datetime | None = None
    version: int = Field(description="Optimistic-lock counter behind the ETag.", examples=[4])
    created_at: datetime
    updated_at: datetime


class DocumentPublic(DocumentSummary):
    """A PRD or design with its sections, the current round's reviewers and what may be done next."""

    sections: list[SectionPublic]
    reviewers: list[ReviewPublic] = Field(description="Reviewers of the current (or last) round.")
    allowed_actions: list[str] = Field(examples=[["edit", "submit"]])


class VersionSummary(BaseModel):
    """An approved, frozen version in a list."""

    model_config = ConfigDict(from_attributes=True)

    number: int = Field(examples=[1])
    title: str
    approvers: list[str] = Field(examples=[["bob", "carol"]])
    review_round: int
    approved_at: datetime


class VersionPublic(VersionSummary):
    """An approved version exactly as it was frozen; it never changes."""

    document_id: uuid.UUID
    kind: Literal["prd", "design"]
    project_key: str
    sections: list[SectionPublic]
    linked_items: list[str]


class SectionDiff(BaseModel):
    """How one section changed between two versions."""

    id: uuid.UUID
    key: str = Field(examples=["goals"])
    title: str = Field(examples=["Goals"])
    change: Literal["added", "removed", "modified", "unchanged"] = Field(examples=["modified"])
    before: str
    after: str
    patch: str = Field(
        description="Unified diff of the section text (empty when unchanged).",
        examples=["--- v1/goals\n+++ v2/goals\n@@ -1 +1 @@\n-Old\n+New\n"],
    )


class FieldDiff(BaseModel):
    """A single text field on both sides of a diff."""

    before: str
    after: str
    changed: bool


class LinksDiff(BaseModel):
    """Linked item keys added and removed between the two sides (designs)."""

    added: list[str] = Field(default_factory=list, examples=[["PAY-14"]])
    removed: list[str] = Field(default_factory=list, examples=[["PAY-12"]])


class DocumentDiff(BaseModel):
    """A section-by-section comparison of two versions (or of a version and the current working copy)."""

    document_id: uuid.UUID
    from_version: int = Field(examples=[1])
    to_version: int | None = Field(
        description="Null when comparing with the current working copy.", examples=[2]
    )
    to_revision: int = Field(description="The revision the right side shows.", examples=[2])
    title: FieldDiff
    sections: list[SectionDiff]
    linked_items: LinksDiff
    changed_sections: list[str] = Field(examples=[["goals", "metrics"]])


class SectionRef(SectionPublic):
    """A section found by its stable id, with the document it belongs to (current working copy)."""

    document_id: uuid.UUID
    kind: Literal["prd", "design"] = Field(examples=["prd"])
    project_key: str = Field(examples=["PAY"])
    document_title: str = Field(examples=["Frictionless 3-D Secure"])
    document_status: DocumentStatus = Field(examples=["approved"])
    revision: int = Field(examples=[2])
    document_url: str = Field(examples=["/v1/prds/01937c5e-8f3a-7cc2-9d8e-3b1f0a6c2d11"])
