"""Contains all the data models used in inputs/outputs"""

from .action_create import ActionCreate
from .action_public import ActionPublic
from .action_public_status import ActionPublicStatus
from .action_update import ActionUpdate
from .action_update_status_type_0 import ActionUpdateStatusType0
from .assessment_in import AssessmentIn
from .assessment_public import AssessmentPublic
from .assessment_public_level import AssessmentPublicLevel
from .attention import Attention
from .attention_reasons_item import AttentionReasonsItem
from .blocking_risk import BlockingRisk
from .checks import Checks
from .close_in import CloseIn
from .close_in_reason import CloseInReason
from .cloud_event import CloudEvent
from .data import Data
from .delivery_attempt_public import DeliveryAttemptPublic
from .escalation_public import EscalationPublic
from .escalation_public_level import EscalationPublicLevel
from .escalation_public_trigger import EscalationPublicTrigger
from .event_delivery_public import EventDeliveryPublic
from .event_receipt import EventReceipt
from .event_receipt_status import EventReceiptStatus
from .export_risks_status_type_0_item import ExportRisksStatusType0Item
from .exposure_period import ExposurePeriod
from .exposure_point_day import ExposurePointDay
from .exposure_trend import ExposureTrend
from .exposure_trend_interval import ExposureTrendInterval
from .field_change import FieldChange
from .field_error import FieldError
from .get_risk_exposure_interval import GetRiskExposureInterval
from .get_risk_heatmap_basis import GetRiskHeatmapBasis
from .get_risk_heatmap_kind_type_0 import GetRiskHeatmapKindType0
from .health import Health
from .heatmap import Heatmap
from .heatmap_basis import HeatmapBasis
from .heatmap_cell import HeatmapCell
from .heatmap_cell_level import HeatmapCellLevel
from .history_entry_public import HistoryEntryPublic
from .item_holders_query import ItemHoldersQuery
from .level_threshold import LevelThreshold
from .level_threshold_level import LevelThresholdLevel
from .linked_risk import LinkedRisk
from .links import Links
from .links_in import LinksIn
from .list_event_deliveries_status_type_0 import ListEventDeliveriesStatusType0
from .list_risks_category_type_0 import ListRisksCategoryType0
from .list_risks_kind_type_0 import ListRisksKindType0
from .list_risks_level_type_0_item import ListRisksLevelType0Item
from .list_risks_status_type_0_item import ListRisksStatusType0Item
from .list_top_risks_basis import ListTopRisksBasis
from .note_in import NoteIn
from .occur_in import OccurIn
from .overdue_action import OverdueAction
from .overdue_review import OverdueReview
from .overdue_review_level import OverdueReviewLevel
from .page_action_public import PageActionPublic
from .page_assessment_public import PageAssessmentPublic
from .page_delivery_attempt_public import PageDeliveryAttemptPublic
from .page_escalation_public import PageEscalationPublic
from .page_event_delivery_public import PageEventDeliveryPublic
from .page_history_entry_public import PageHistoryEntryPublic
from .page_overdue_action import PageOverdueAction
from .page_overdue_review import PageOverdueReview
from .page_review_public import PageReviewPublic
from .page_risk_public import PageRiskPublic
from .page_subscription_public import PageSubscriptionPublic
from .predicted_risk import PredictedRisk
from .problem import Problem
from .reason_in import ReasonIn
from .review_cadence import ReviewCadence
from .review_cadence_days import ReviewCadenceDays
from .review_create import ReviewCreate
from .review_create_outcome import ReviewCreateOutcome
from .review_public import ReviewPublic
from .review_public_level import ReviewPublicLevel
from .risk_brief import RiskBrief
from .risk_create import RiskCreate
from .risk_create_category import RiskCreateCategory
from .risk_create_kind import RiskCreateKind
from .risk_create_response_strategy_type_0 import RiskCreateResponseStrategyType0
from .risk_gate_query import RiskGateQuery
from .risk_gate_result import RiskGateResult
from .risk_impact_query import RiskImpactQuery
from .risk_impact_result import RiskImpactResult
from .risk_linked_to_items import RiskLinkedToItems
from .risk_matrix_in import RiskMatrixIn
from .risk_matrix_in_gate_level import RiskMatrixInGateLevel
from .risk_matrix_public import RiskMatrixPublic
from .risk_matrix_public_gate_level import RiskMatrixPublicGateLevel
from .risk_public import RiskPublic
from .risk_public_category import RiskPublicCategory
from .risk_public_close_reason_type_0 import RiskPublicCloseReasonType0
from .risk_public_kind import RiskPublicKind
from .risk_public_level import RiskPublicLevel
from .risk_public_residual_level_type_0 import RiskPublicResidualLevelType0
from .risk_public_response_strategy_type_0 import RiskPublicResponseStrategyType0
from .risk_public_status import RiskPublicStatus
from .risk_summary import RiskSummary
from .risk_update import RiskUpdate
from .risk_update_category_type_0 import RiskUpdateCategoryType0
from .risk_update_kind_type_0 import RiskUpdateKindType0
from .risk_update_response_strategy_type_0 import RiskUpdateResponseStrategyType0
from .risks_linked_to_items import RisksLinkedToItems
from .subscription_create import SubscriptionCreate
from .subscription_create_format import SubscriptionCreateFormat
from .subscription_create_signature_scheme import SubscriptionCreateSignatureScheme
from .subscription_public import SubscriptionPublic
from .subscription_update import SubscriptionUpdate
from .subscription_update_format_type_0 import SubscriptionUpdateFormatType0
from .subscription_with_secret import SubscriptionWithSecret
from .summary_heatmap_cell import SummaryHeatmapCell
from .summary_overdue_action import SummaryOverdueAction
from .summary_overdue_review import SummaryOverdueReview
from .top_risk import TopRisk
from .top_risk_level import TopRiskLevel
from .top_risk_status import TopRiskStatus
from .trigger import Trigger
from .trigger_comparator import TriggerComparator
from .unlink_risk_target_type import UnlinkRiskTargetType
from .unresolved_escalation import UnresolvedEscalation

__all__ = (
    "ActionCreate",
    "ActionPublic",
    "ActionPublicStatus",
    "ActionUpdate",
    "ActionUpdateStatusType0",
    "AssessmentIn",
    "AssessmentPublic",
    "AssessmentPublicLevel",
    "Attention",
    "AttentionReasonsItem",
    "BlockingRisk",
    "Checks",
    "CloseIn",
    "CloseInReason",
    "CloudEvent",
    "Data",
    "DeliveryAttemptPublic",
    "EscalationPublic",
    "EscalationPublicLevel",
    "EscalationPublicTrigger",
    "EventDeliveryPublic",
    "EventReceipt",
    "EventReceiptStatus",
    "ExportRisksStatusType0Item",
    "ExposurePeriod",
    "ExposurePointDay",
    "ExposureTrend",
    "ExposureTrendInterval",
    "FieldChange",
    "FieldError",
    "GetRiskExposureInterval",
    "GetRiskHeatmapBasis",
    "GetRiskHeatmapKindType0",
    "Health",
    "Heatmap",
    "HeatmapBasis",
    "HeatmapCell",
    "HeatmapCellLevel",
    "HistoryEntryPublic",
    "ItemHoldersQuery",
    "LevelThreshold",
    "LevelThresholdLevel",
    "LinkedRisk",
    "Links",
    "LinksIn",
    "ListEventDeliveriesStatusType0",
    "ListRisksCategoryType0",
    "ListRisksKindType0",
    "ListRisksLevelType0Item",
    "ListRisksStatusType0Item",
    "ListTopRisksBasis",
    "NoteIn",
    "OccurIn",
    "OverdueAction",
    "OverdueReview",
    "OverdueReviewLevel",
    "PageActionPublic",
    "PageAssessmentPublic",
    "PageDeliveryAttemptPublic",
    "PageEscalationPublic",
    "PageEventDeliveryPublic",
    "PageHistoryEntryPublic",
    "PageOverdueAction",
    "PageOverdueReview",
    "PageReviewPublic",
    "PageRiskPublic",
    "PageSubscriptionPublic",
    "PredictedRisk",
    "Problem",
    "ReasonIn",
    "ReviewCadence",
    "ReviewCadenceDays",
    "ReviewCreate",
    "ReviewCreateOutcome",
    "ReviewPublic",
    "ReviewPublicLevel",
    "RiskBrief",
    "RiskCreate",
    "RiskCreateCategory",
    "RiskCreateKind",
    "RiskCreateResponseStrategyType0",
    "RiskGateQuery",
    "RiskGateResult",
    "RiskImpactQuery",
    "RiskImpactResult",
    "RiskLinkedToItems",
    "RiskMatrixIn",
    "RiskMatrixInGateLevel",
    "RiskMatrixPublic",
    "RiskMatrixPublicGateLevel",
    "RiskPublic",
    "RiskPublicCategory",
    "RiskPublicCloseReasonType0",
    "RiskPublicKind",
    "RiskPublicLevel",
    "RiskPublicResidualLevelType0",
    "RiskPublicResponseStrategyType0",
    "RiskPublicStatus",
    "RisksLinkedToItems",
    "RiskSummary",
    "RiskUpdate",
    "RiskUpdateCategoryType0",
    "RiskUpdateKindType0",
    "RiskUpdateResponseStrategyType0",
    "SubscriptionCreate",
    "SubscriptionCreateFormat",
    "SubscriptionCreateSignatureScheme",
    "SubscriptionPublic",
    "SubscriptionUpdate",
    "SubscriptionUpdateFormatType0",
    "SubscriptionWithSecret",
    "SummaryHeatmapCell",
    "SummaryOverdueAction",
    "SummaryOverdueReview",
    "TopRisk",
    "TopRiskLevel",
    "TopRiskStatus",
    "Trigger",
    "TriggerComparator",
    "UnlinkRiskTargetType",
    "UnresolvedEscalation",
)
