"""Contains all the data models used in inputs/outputs"""

from .acceptance_summary import AcceptanceSummary
from .batch_row import BatchRow
from .batch_row_moscow_type_0 import BatchRowMoscowType0
from .batch_row_priority_type_0 import BatchRowPriorityType0
from .batch_row_severity_type_0 import BatchRowSeverityType0
from .batch_row_type import BatchRowType
from .burndown import Burndown
from .burndown_point import BurndownPoint
from .change_request_create import ChangeRequestCreate
from .change_request_public import ChangeRequestPublic
from .change_request_public_status import ChangeRequestPublicStatus
from .change_request_ref import ChangeRequestRef
from .change_request_update import ChangeRequestUpdate
from .change_request_update_item_patches_type_0 import ChangeRequestUpdateItemPatchesType0
from .checks import Checks
from .children_by_status import ChildrenByStatus
from .close_report import CloseReport
from .cloud_event import CloudEvent
from .code_reference import CodeReference
from .code_reference_kind import CodeReferenceKind
from .commit_items import CommitItems
from .commitment_report import CommitmentReport
from .criterion_create import CriterionCreate
from .criterion_public import CriterionPublic
from .criterion_public_status import CriterionPublicStatus
from .criterion_ref import CriterionRef
from .criterion_update import CriterionUpdate
from .criterion_verify import CriterionVerify
from .criterion_verify_status import CriterionVerifyStatus
from .data import Data
from .decision import Decision
from .decision_request import DecisionRequest
from .decision_request_decision import DecisionRequestDecision
from .delete_report_schedule_cadence import DeleteReportScheduleCadence
from .delivery_attempt_public import DeliveryAttemptPublic
from .delivery_public import DeliveryPublic
from .delivery_public_period_kind import DeliveryPublicPeriodKind
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
from .document_ref import DocumentRef
from .document_ref_kind_type_0 import DocumentRefKindType0
from .document_summary import DocumentSummary
from .document_summary_kind import DocumentSummaryKind
from .document_summary_status import DocumentSummaryStatus
from .event_delivery_public import EventDeliveryPublic
from .event_receipt import EventReceipt
from .event_receipt_status import EventReceiptStatus
from .exposure_point_day import ExposurePointDay
from .facts import Facts
from .field_change import FieldChange
from .field_diff import FieldDiff
from .field_error import FieldError
from .fired_rule import FiredRule
from .fired_rule_severity import FiredRuleSeverity
from .gate_denial import GateDenial
from .get_project_report_format_type_0 import GetProjectReportFormatType0
from .get_project_report_period import GetProjectReportPeriod
from .health import Health
from .health_override_create import HealthOverrideCreate
from .health_override_create_status import HealthOverrideCreateStatus
from .health_override_public import HealthOverridePublic
from .health_override_public_status import HealthOverridePublicStatus
from .health_public import HealthPublic
from .health_public_computed_status import HealthPublicComputedStatus
from .health_public_status import HealthPublicStatus
from .history_entry_public import HistoryEntryPublic
from .impact import Impact
from .impact_unknown import ImpactUnknown
from .impact_unknown_part import ImpactUnknownPart
from .import_result import ImportResult
from .item_batch_create import ItemBatchCreate
from .item_batch_result import ItemBatchResult
from .item_count import ItemCount
from .item_create import ItemCreate
from .item_create_moscow_type_0 import ItemCreateMoscowType0
from .item_create_priority_type_0 import ItemCreatePriorityType0
from .item_create_severity_type_0 import ItemCreateSeverityType0
from .item_create_type import ItemCreateType
from .item_lookup_request import ItemLookupRequest
from .item_lookup_response import ItemLookupResponse
from .item_move import ItemMove
from .item_patches import ItemPatches
from .item_patches_additional_property import ItemPatchesAdditionalProperty
from .item_patches_to_apply import ItemPatchesToApply
from .item_public import ItemPublic
from .item_public_moscow_type_0 import ItemPublicMoscowType0
from .item_public_priority import ItemPublicPriority
from .item_public_severity_type_0 import ItemPublicSeverityType0
from .item_public_status import ItemPublicStatus
from .item_public_type import ItemPublicType
from .item_ref import ItemRef
from .item_summary import ItemSummary
from .item_transition import ItemTransition
from .item_transition_to import ItemTransitionTo
from .item_update import ItemUpdate
from .item_update_moscow_type_0 import ItemUpdateMoscowType0
from .item_update_priority_type_0 import ItemUpdatePriorityType0
from .item_update_severity_type_0 import ItemUpdateSeverityType0
from .item_update_type_type_0 import ItemUpdateTypeType0
from .iteration_brief import IterationBrief
from .iteration_close import IterationClose
from .iteration_close_unfinished import IterationCloseUnfinished
from .iteration_create import IterationCreate
from .iteration_public import IterationPublic
from .iteration_public_status import IterationPublicStatus
from .iteration_update import IterationUpdate
from .linked_risk import LinkedRisk
from .links_diff import LinksDiff
from .list_change_requests_status_type_0 import ListChangeRequestsStatusType0
from .list_designs_status_type_0 import ListDesignsStatusType0
from .list_event_deliveries_status_type_0 import ListEventDeliveriesStatusType0
from .list_items_priority_type_0_item import ListItemsPriorityType0Item
from .list_items_severity_type_0_item import ListItemsSeverityType0Item
from .list_items_status_type_0_item import ListItemsStatusType0Item
from .list_items_type_type_0_item import ListItemsTypeType0Item
from .list_iterations_status_type_0 import ListIterationsStatusType0
from .list_milestones_status_type_0 import ListMilestonesStatusType0
from .list_prds_status_type_0 import ListPrdsStatusType0
from .list_projects_status_type_0 import ListProjectsStatusType0
from .milestone_at_risk import MilestoneAtRisk
from .milestone_create import MilestoneCreate
from .milestone_create_status import MilestoneCreateStatus
from .milestone_forecast import MilestoneForecast
from .milestone_progress import MilestoneProgress
from .milestone_projection import MilestoneProjection
from .milestone_public import MilestonePublic
from .milestone_public_status import MilestonePublicStatus
from .milestone_update import MilestoneUpdate
from .milestone_update_status_type_0 import MilestoneUpdateStatusType0
from .page_change_request_public import PageChangeRequestPublic
from .page_delivery_attempt_public import PageDeliveryAttemptPublic
from .page_document_summary import PageDocumentSummary
from .page_event_delivery_public import PageEventDeliveryPublic
from .page_history_entry_public import PageHistoryEntryPublic
from .page_item_public import PageItemPublic
from .page_iteration_public import PageIterationPublic
from .page_milestone_public import PageMilestonePublic
from .page_project_public import PageProjectPublic
from .page_review_public import PageReviewPublic
from .page_subscription_public import PageSubscriptionPublic
from .page_version_summary import PageVersionSummary
from .period_public import PeriodPublic
from .period_public_kind import PeriodPublicKind
from .prd_create import PrdCreate
from .prd_reviewer_assignment import PrdReviewerAssignment
from .prd_sections_input import PrdSectionsInput
from .prd_submit import PrdSubmit
from .prd_summary import PrdSummary
from .prd_update import PrdUpdate
from .predicted_risk import PredictedRisk
from .problem import Problem
from .progress_section import ProgressSection
from .project_create import ProjectCreate
from .project_public import ProjectPublic
from .project_public_status import ProjectPublicStatus
from .project_ref import ProjectRef
from .project_update import ProjectUpdate
from .project_update_status_type_0 import ProjectUpdateStatusType0
from .release_brief import ReleaseBrief
from .release_ref import ReleaseRef
from .release_summary import ReleaseSummary
from .release_touched import ReleaseTouched
from .releases_section import ReleasesSection
from .report import Report
from .report_burndown_point import ReportBurndownPoint
from .requirements_section import RequirementsSection
from .review_public import ReviewPublic
from .review_public_decision_type_0 import ReviewPublicDecisionType0
from .risk_brief import RiskBrief
from .risk_summary import RiskSummary
from .risks_section import RisksSection
from .roll_up import RollUp
from .rollback_event import RollbackEvent
from .rollout_progress import RolloutProgress
from .schedule_create import ScheduleCreate
from .schedule_create_cadence import ScheduleCreateCadence
from .schedule_create_weekday_type_0 import ScheduleCreateWeekdayType0
from .schedule_public import SchedulePublic
from .schedule_public_cadence import SchedulePublicCadence
from .schedule_public_weekday_type_0 import SchedulePublicWeekdayType0
from .section_diff import SectionDiff
from .section_diff_change import SectionDiffChange
from .section_public import SectionPublic
from .section_ref import SectionRef
from .section_ref_document_status import SectionRefDocumentStatus
from .section_ref_kind import SectionRefKind
from .source_status import SourceStatus
from .sources import Sources
from .states import States
from .subscription_create import SubscriptionCreate
from .subscription_create_format import SubscriptionCreateFormat
from .subscription_create_signature_scheme import SubscriptionCreateSignatureScheme
from .subscription_public import SubscriptionPublic
from .subscription_update import SubscriptionUpdate
from .subscription_update_format_type_0 import SubscriptionUpdateFormatType0
from .subscription_with_secret import SubscriptionWithSecret
from .summary_dora import SummaryDora
from .summary_heatmap_cell import SummaryHeatmapCell
from .summary_overdue_action import SummaryOverdueAction
from .summary_overdue_review import SummaryOverdueReview
from .unresolved_escalation import UnresolvedEscalation
from .verification_brief import VerificationBrief
from .version_public import VersionPublic
from .version_public_kind import VersionPublicKind
from .version_summary import VersionSummary

__all__ = (
    "AcceptanceSummary",
    "BatchRow",
    "BatchRowMoscowType0",
    "BatchRowPriorityType0",
    "BatchRowSeverityType0",
    "BatchRowType",
    "Burndown",
    "BurndownPoint",
    "ChangeRequestCreate",
    "ChangeRequestPublic",
    "ChangeRequestPublicStatus",
    "ChangeRequestRef",
    "ChangeRequestUpdate",
    "ChangeRequestUpdateItemPatchesType0",
    "Checks",
    "ChildrenByStatus",
    "CloseReport",
    "CloudEvent",
    "CodeReference",
    "CodeReferenceKind",
    "CommitItems",
    "CommitmentReport",
    "CriterionCreate",
    "CriterionPublic",
    "CriterionPublicStatus",
    "CriterionRef",
    "CriterionUpdate",
    "CriterionVerify",
    "CriterionVerifyStatus",
    "Data",
    "Decision",
    "DecisionRequest",
    "DecisionRequestDecision",
    "DeleteReportScheduleCadence",
    "DeliveryAttemptPublic",
    "DeliveryPublic",
    "DeliveryPublicPeriodKind",
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
    "DocumentRef",
    "DocumentRefKindType0",
    "DocumentSummary",
    "DocumentSummaryKind",
    "DocumentSummaryStatus",
    "EventDeliveryPublic",
    "EventReceipt",
    "EventReceiptStatus",
    "ExposurePointDay",
    "Facts",
    "FieldChange",
    "FieldDiff",
    "FieldError",
    "FiredRule",
    "FiredRuleSeverity",
    "GateDenial",
    "GetProjectReportFormatType0",
    "GetProjectReportPeriod",
    "Health",
    "HealthOverrideCreate",
    "HealthOverrideCreateStatus",
    "HealthOverridePublic",
    "HealthOverridePublicStatus",
    "HealthPublic",
    "HealthPublicComputedStatus",
    "HealthPublicStatus",
    "HistoryEntryPublic",
    "Impact",
    "ImpactUnknown",
    "ImpactUnknownPart",
    "ImportResult",
    "ItemBatchCreate",
    "ItemBatchResult",
    "ItemCount",
    "ItemCreate",
    "ItemCreateMoscowType0",
    "ItemCreatePriorityType0",
    "ItemCreateSeverityType0",
    "ItemCreateType",
    "ItemLookupRequest",
    "ItemLookupResponse",
    "ItemMove",
    "ItemPatches",
    "ItemPatchesAdditionalProperty",
    "ItemPatchesToApply",
    "ItemPublic",
    "ItemPublicMoscowType0",
    "ItemPublicPriority",
    "ItemPublicSeverityType0",
    "ItemPublicStatus",
    "ItemPublicType",
    "ItemRef",
    "ItemSummary",
    "ItemTransition",
    "ItemTransitionTo",
    "ItemUpdate",
    "ItemUpdateMoscowType0",
    "ItemUpdatePriorityType0",
    "ItemUpdateSeverityType0",
    "ItemUpdateTypeType0",
    "IterationBrief",
    "IterationClose",
    "IterationCloseUnfinished",
    "IterationCreate",
    "IterationPublic",
    "IterationPublicStatus",
    "IterationUpdate",
    "LinkedRisk",
    "LinksDiff",
    "ListChangeRequestsStatusType0",
    "ListDesignsStatusType0",
    "ListEventDeliveriesStatusType0",
    "ListItemsPriorityType0Item",
    "ListItemsSeverityType0Item",
    "ListItemsStatusType0Item",
    "ListItemsTypeType0Item",
    "ListIterationsStatusType0",
    "ListMilestonesStatusType0",
    "ListPrdsStatusType0",
    "ListProjectsStatusType0",
    "MilestoneAtRisk",
    "MilestoneCreate",
    "MilestoneCreateStatus",
    "MilestoneForecast",
    "MilestoneProgress",
    "MilestoneProjection",
    "MilestonePublic",
    "MilestonePublicStatus",
    "MilestoneUpdate",
    "MilestoneUpdateStatusType0",
    "PageChangeRequestPublic",
    "PageDeliveryAttemptPublic",
    "PageDocumentSummary",
    "PageEventDeliveryPublic",
    "PageHistoryEntryPublic",
    "PageItemPublic",
    "PageIterationPublic",
    "PageMilestonePublic",
    "PageProjectPublic",
    "PageReviewPublic",
    "PageSubscriptionPublic",
    "PageVersionSummary",
    "PeriodPublic",
    "PeriodPublicKind",
    "PrdCreate",
    "PrdReviewerAssignment",
    "PrdSectionsInput",
    "PrdSubmit",
    "PrdSummary",
    "PrdUpdate",
    "PredictedRisk",
    "Problem",
    "ProgressSection",
    "ProjectCreate",
    "ProjectPublic",
    "ProjectPublicStatus",
    "ProjectRef",
    "ProjectUpdate",
    "ProjectUpdateStatusType0",
    "ReleaseBrief",
    "ReleaseRef",
    "ReleasesSection",
    "ReleaseSummary",
    "ReleaseTouched",
    "Report",
    "ReportBurndownPoint",
    "RequirementsSection",
    "ReviewPublic",
    "ReviewPublicDecisionType0",
    "RiskBrief",
    "RisksSection",
    "RiskSummary",
    "RollbackEvent",
    "RolloutProgress",
    "RollUp",
    "ScheduleCreate",
    "ScheduleCreateCadence",
    "ScheduleCreateWeekdayType0",
    "SchedulePublic",
    "SchedulePublicCadence",
    "SchedulePublicWeekdayType0",
    "SectionDiff",
    "SectionDiffChange",
    "SectionPublic",
    "SectionRef",
    "SectionRefDocumentStatus",
    "SectionRefKind",
    "Sources",
    "SourceStatus",
    "States",
    "SubscriptionCreate",
    "SubscriptionCreateFormat",
    "SubscriptionCreateSignatureScheme",
    "SubscriptionPublic",
    "SubscriptionUpdate",
    "SubscriptionUpdateFormatType0",
    "SubscriptionWithSecret",
    "SummaryDora",
    "SummaryHeatmapCell",
    "SummaryOverdueAction",
    "SummaryOverdueReview",
    "UnresolvedEscalation",
    "VerificationBrief",
    "VersionPublic",
    "VersionPublicKind",
    "VersionSummary",
)
