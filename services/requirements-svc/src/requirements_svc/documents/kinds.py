"""The two document kinds. Everything that differs between a PRD and a design lives here; the service,
the router and the tables are shared."""

from dataclasses import dataclass

from tpmhub_shared.auth import PLANNERS


@dataclass(frozen=True)
class DocumentKind:
    name: str  # "prd" / "design": stored in documents.kind, history resource type, event prefix
    plural: str  # path segment and operation-id noun: /v1/prds, list_prds
    label: str  # for messages: "PRD", "design"
    sections: tuple[tuple[str, str], ...]  # (key, title) in display order
    editors: frozenset[str]  # roles that create and edit
    links_items: bool  # designs link to the epics/features they design

    @property
    def section_keys(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.sections)


# pm/tpm/admin submit and withdraw for review, whatever the kind.
SUBMITTERS = PLANNERS

PRD = DocumentKind(
    name="prd",
    plural="prds",
    label="PRD",
    sections=(
        ("background", "Background"),
        ("goals", "Goals"),
        ("non_goals", "Non-goals"),
        ("user_scenarios", "User scenarios"),
        ("functional_requirements", "Functional requirements"),
        ("non_functional_requirements", "Non-functional requirements"),
        ("metrics", "Metrics"),
        ("open_questions", "Open questions"),
        ("design_links", "Design links"),
    ),
    editors=PLANNERS,
    links_items=False,
)

DESIGN = DocumentKind(
    name="design",
    plural="designs",
    label="design",
    sections=(
        ("context", "Context"),
        ("proposal", "Proposal"),
        ("alternatives", "Alternatives"),
        ("trade_offs", "Trade-offs"),
        ("risks", "Risks"),
        ("cost", "Cost"),
        ("rollout_and_rollback", "Rollout and rollback"),
        ("open_questions", "Open questions"),
    ),
    editors=PLANNERS | {"engineer"},
    links_items=True,
)

KINDS = {PRD.name: PRD, DESIGN.name: DESIGN}
