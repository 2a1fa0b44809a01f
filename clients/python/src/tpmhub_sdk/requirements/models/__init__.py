"""Contains all the data models used in inputs/outputs"""

from .checks import Checks
from .context import Context
from .decision_request import DecisionRequest
from .decision_request_decision import DecisionRequestDecision
from .design_create import DesignCreate
from .design_reviewer_assignment import DesignReviewerAssignment
from .design_reviewer_assignment_domain import DesignReviewerAssignmentDomain
from .design_sections_input import DesignSectionsInput
from .design_submit import DesignSubmit
from .design_update import DesignUpdate
from .document_diff import DocumentDiff
from .document_public import DocumentPublic
from .document_public_kind import DocumentPublicKind
from .document_public_status import DocumentPublicStatus
from .document_summary import DocumentSummary
from .document_summary_kind import DocumentSummaryKind
from .document_summary_status import DocumentSummaryStatus
from .field_change import FieldChange
from .field_diff import FieldDiff
from .field_error import FieldError
from .health import Health
from .history_entry_public import HistoryEntryPublic
from .http_validation_error import HTTPValidationError
from .links_diff import LinksDiff
from .list_designs_status_type_0 import ListDesignsStatusType0
from .list_prds_status_type_0 import ListPrdsStatusType0
from .list_projects_status_type_0 import ListProjectsStatusType0
from .page_document_summary import PageDocumentSummary
from .page_history_entry_public import PageHistoryEntryPublic
from .page_project_public import PageProjectPublic
from .page_review_public import PageReviewPublic
from .page_version_summary import PageVersionSummary
from .prd_create import PrdCreate
from .prd_reviewer_assignment import PrdReviewerAssignment
from .prd_sections_input import PrdSectionsInput
from .prd_submit import PrdSubmit
from .prd_update import PrdUpdate
from .problem import Problem
from .project_create import ProjectCreate
from .project_public import ProjectPublic
from .project_public_status import ProjectPublicStatus
from .project_update import ProjectUpdate
from .project_update_status_type_0 import ProjectUpdateStatusType0
from .review_public import ReviewPublic
from .review_public_decision_type_0 import ReviewPublicDecisionType0
from .section_diff import SectionDiff
from .section_diff_change import SectionDiffChange
from .section_public import SectionPublic
from .validation_error import ValidationError
from .version_public import VersionPublic
from .version_public_kind import VersionPublicKind
from .version_summary import VersionSummary

__all__ = (
    "Checks",
    "Context",
    "DecisionRequest",
    "DecisionRequestDecision",
    "DesignCreate",
    "DesignReviewerAssignment",
    "DesignReviewerAssignmentDomain",
    "DesignSectionsInput",
    "DesignSubmit",
    "DesignUpdate",
    "DocumentDiff",
    "DocumentPublic",
    "DocumentPublicKind",
    "DocumentPublicStatus",
    "DocumentSummary",
    "DocumentSummaryKind",
    "DocumentSummaryStatus",
    "FieldChange",
    "FieldDiff",
    "FieldError",
    "Health",
    "HistoryEntryPublic",
    "HTTPValidationError",
    "LinksDiff",
    "ListDesignsStatusType0",
    "ListPrdsStatusType0",
    "ListProjectsStatusType0",
    "PageDocumentSummary",
    "PageHistoryEntryPublic",
    "PageProjectPublic",
    "PageReviewPublic",
    "PageVersionSummary",
    "PrdCreate",
    "PrdReviewerAssignment",
    "PrdSectionsInput",
    "PrdSubmit",
    "PrdUpdate",
    "Problem",
    "ProjectCreate",
    "ProjectPublic",
    "ProjectPublicStatus",
    "ProjectUpdate",
    "ProjectUpdateStatusType0",
    "ReviewPublic",
    "ReviewPublicDecisionType0",
    "SectionDiff",
    "SectionDiffChange",
    "SectionPublic",
    "ValidationError",
    "VersionPublic",
    "VersionPublicKind",
    "VersionSummary",
)
