"""Contains all the data models used in inputs/outputs"""

from .abort_request import AbortRequest
from .action_item_in import ActionItemIn
from .action_item_public import ActionItemPublic
from .action_request import ActionRequest
from .advance_request import AdvanceRequest
from .approval_create import ApprovalCreate
from .approval_create_decision import ApprovalCreateDecision
from .approval_public import ApprovalPublic
from .approval_state import ApprovalState
from .approval_state_status import ApprovalStateStatus
from .checklist_item_create import ChecklistItemCreate
from .checklist_item_public import ChecklistItemPublic
from .checklist_item_public_status import ChecklistItemPublicStatus
from .checklist_item_update import ChecklistItemUpdate
from .checklist_item_update_status_type_0 import ChecklistItemUpdateStatusType0
from .checklist_rule import ChecklistRule
from .checklist_template_item import ChecklistTemplateItem
from .checklist_template_public import ChecklistTemplatePublic
from .checklist_template_put import ChecklistTemplatePut
from .checks import Checks
from .ci_commit import CiCommit
from .ci_delivery_public import CiDeliveryPublic
from .ci_event import CiEvent
from .ci_event_status import CiEventStatus
from .ci_event_type import CiEventType
from .ci_source_create import CiSourceCreate
from .ci_source_create_provider import CiSourceCreateProvider
from .ci_source_public import CiSourcePublic
from .ci_source_update import CiSourceUpdate
from .ci_source_with_secret import CiSourceWithSecret
from .cloud_event import CloudEvent
from .data import Data
from .decide_batch import DecideBatch
from .decision import Decision
from .decision_batch_public import DecisionBatchPublic
from .decision_batch_public_status import DecisionBatchPublicStatus
from .decision_batch_public_unit_kind import DecisionBatchPublicUnitKind
from .decision_public import DecisionPublic
from .decision_public_status import DecisionPublicStatus
from .decision_public_unit_kind import DecisionPublicUnitKind
from .delivery_attempt_public import DeliveryAttemptPublic
from .deployment_create import DeploymentCreate
from .deployment_create_status import DeploymentCreateStatus
from .deployment_protection_request_public import DeploymentProtectionRequestPublic
from .deployment_protection_request_public_status import DeploymentProtectionRequestPublicStatus
from .deployment_public import DeploymentPublic
from .deployment_public_status import DeploymentPublicStatus
from .deployment_update import DeploymentUpdate
from .deployment_update_status_type_0 import DeploymentUpdateStatusType0
from .dora_metrics import DoraMetrics
from .environment_def import EnvironmentDef
from .environment_public import EnvironmentPublic
from .environments_in import EnvironmentsIn
from .environments_public import EnvironmentsPublic
from .event_delivery_public import EventDeliveryPublic
from .event_receipt import EventReceipt
from .event_receipt_status import EventReceiptStatus
from .facts import Facts
from .failing_check import FailingCheck
from .field_change import FieldChange
from .field_error import FieldError
from .freeze_exception_create import FreezeExceptionCreate
from .freeze_exception_decision import FreezeExceptionDecision
from .freeze_exception_public import FreezeExceptionPublic
from .freeze_exception_public_status import FreezeExceptionPublicStatus
from .freeze_window_create import FreezeWindowCreate
from .freeze_window_public import FreezeWindowPublic
from .gate_check import GateCheck
from .gate_check_name import GateCheckName
from .gate_denial import GateDenial
from .gate_hold import GateHold
from .gate_hold_checks_item import GateHoldChecksItem
from .gate_override import GateOverride
from .gate_override_record import GateOverrideRecord
from .gate_result import GateResult
from .git_hub_app_config import GitHubAppConfig
from .git_hub_app_public import GitHubAppPublic
from .guardrail_check import GuardrailCheck
from .guardrail_check_state import GuardrailCheckState
from .guardrail_public import GuardrailPublic
from .guardrail_public_comparator import GuardrailPublicComparator
from .guardrail_public_on_fail_type_0 import GuardrailPublicOnFailType0
from .guardrail_spec import GuardrailSpec
from .guardrail_spec_on_fail_type_0 import GuardrailSpecOnFailType0
from .guardrail_status import GuardrailStatus
from .guardrail_status_status import GuardrailStatusStatus
from .health import Health
from .history_entry_public import HistoryEntryPublic
from .inconclusive_hold import InconclusiveHold
from .inconclusive_hold_checks_item import InconclusiveHoldChecksItem
from .list_ci_deliveries_status_type_0 import ListCiDeliveriesStatusType0
from .list_deployment_protection_requests_status_type_0 import ListDeploymentProtectionRequestsStatusType0
from .list_deployments_status_type_0 import ListDeploymentsStatusType0
from .list_event_deliveries_status_type_0 import ListEventDeliveriesStatusType0
from .list_releases_status_type_0 import ListReleasesStatusType0
from .list_rollout_metrics_cohort_type_0 import ListRolloutMetricsCohortType0
from .list_rollouts_status_type_0 import ListRolloutsStatusType0
from .list_verifications_result_type_0 import ListVerificationsResultType0
from .page_ci_delivery_public import PageCiDeliveryPublic
from .page_ci_source_public import PageCiSourcePublic
from .page_delivery_attempt_public import PageDeliveryAttemptPublic
from .page_deployment_protection_request_public import PageDeploymentProtectionRequestPublic
from .page_deployment_public import PageDeploymentPublic
from .page_event_delivery_public import PageEventDeliveryPublic
from .page_freeze_window_public import PageFreezeWindowPublic
from .page_gate_result import PageGateResult
from .page_history_entry_public import PageHistoryEntryPublic
from .page_pipeline_run_public import PagePipelineRunPublic
from .page_portfolio_item import PagePortfolioItem
from .page_reading_public import PageReadingPublic
from .page_release_public import PageReleasePublic
from .page_rollout_public import PageRolloutPublic
from .page_schedule_public import PageSchedulePublic
from .page_subscription_public import PageSubscriptionPublic
from .page_verification_public import PageVerificationPublic
from .pipeline_run_public import PipelineRunPublic
from .plan_step import PlanStep
from .plan_step_kind import PlanStepKind
from .plan_step_ordered import PlanStepOrdered
from .portfolio_item import PortfolioItem
from .portfolio_item_guardrail_outcome import PortfolioItemGuardrailOutcome
from .portfolio_item_status import PortfolioItemStatus
from .problem import Problem
from .reading_batch import ReadingBatch
from .reading_check import ReadingCheck
from .reading_check_outcome import ReadingCheckOutcome
from .reading_create import ReadingCreate
from .reading_create_cohort import ReadingCreateCohort
from .reading_public import ReadingPublic
from .reading_public_cohort import ReadingPublicCohort
from .reading_public_outcome import ReadingPublicOutcome
from .readings_result import ReadingsResult
from .readings_result_action_taken_type_0 import ReadingsResultActionTakenType0
from .receive_github_webhook_body import ReceiveGithubWebhookBody
from .receive_gitlab_webhook_body import ReceiveGitlabWebhookBody
from .release_brief import ReleaseBrief
from .release_create import ReleaseCreate
from .release_lookup_entry import ReleaseLookupEntry
from .release_lookup_request import ReleaseLookupRequest
from .release_lookup_response import ReleaseLookupResponse
from .release_plan import ReleasePlan
from .release_public import ReleasePublic
from .release_public_status import ReleasePublicStatus
from .release_scope_query import ReleaseScopeQuery
from .release_scope_result import ReleaseScopeResult
from .release_summary import ReleaseSummary
from .release_touched import ReleaseTouched
from .release_update import ReleaseUpdate
from .retrospective_public import RetrospectivePublic
from .retrospective_update import RetrospectiveUpdate
from .rollback_event import RollbackEvent
from .rollout_action_request import RolloutActionRequest
from .rollout_create import RolloutCreate
from .rollout_create_on_breach import RolloutCreateOnBreach
from .rollout_create_unit_kind import RolloutCreateUnitKind
from .rollout_outcomes import RolloutOutcomes
from .rollout_progress import RolloutProgress
from .rollout_public import RolloutPublic
from .rollout_public_on_breach import RolloutPublicOnBreach
from .rollout_public_status import RolloutPublicStatus
from .rollout_public_unit_kind import RolloutPublicUnitKind
from .rollout_update import RolloutUpdate
from .rollout_update_on_breach_type_0 import RolloutUpdateOnBreachType0
from .rollout_update_unit_kind_type_0 import RolloutUpdateUnitKindType0
from .schedule_create import ScheduleCreate
from .schedule_create_action import ScheduleCreateAction
from .schedule_public import SchedulePublic
from .schedule_public_action import SchedulePublicAction
from .schedule_public_failure_type_0 import SchedulePublicFailureType0
from .schedule_public_status import SchedulePublicStatus
from .send_to_risk import SendToRisk
from .send_to_risk_category import SendToRiskCategory
from .slack_interaction_body import SlackInteractionBody
from .slack_reply import SlackReply
from .slack_user_public import SlackUserPublic
from .slack_user_put import SlackUserPut
from .slack_user_put_role import SlackUserPutRole
from .stage_create import StageCreate
from .stage_public import StagePublic
from .start_request import StartRequest
from .states import States
from .subscription_create import SubscriptionCreate
from .subscription_create_format import SubscriptionCreateFormat
from .subscription_create_signature_scheme import SubscriptionCreateSignatureScheme
from .subscription_public import SubscriptionPublic
from .subscription_update import SubscriptionUpdate
from .subscription_update_format_type_0 import SubscriptionUpdateFormatType0
from .subscription_with_secret import SubscriptionWithSecret
from .summary_dora import SummaryDora
from .verification_brief import VerificationBrief
from .verification_create import VerificationCreate
from .verification_create_result import VerificationCreateResult
from .verification_public import VerificationPublic
from .verification_public_result import VerificationPublicResult
from .verification_update import VerificationUpdate
from .verification_update_result_type_0 import VerificationUpdateResultType0
from .webhook_receipt import WebhookReceipt
from .webhook_receipt_status import WebhookReceiptStatus

__all__ = (
    "AbortRequest",
    "ActionItemIn",
    "ActionItemPublic",
    "ActionRequest",
    "AdvanceRequest",
    "ApprovalCreate",
    "ApprovalCreateDecision",
    "ApprovalPublic",
    "ApprovalState",
    "ApprovalStateStatus",
    "ChecklistItemCreate",
    "ChecklistItemPublic",
    "ChecklistItemPublicStatus",
    "ChecklistItemUpdate",
    "ChecklistItemUpdateStatusType0",
    "ChecklistRule",
    "ChecklistTemplateItem",
    "ChecklistTemplatePublic",
    "ChecklistTemplatePut",
    "Checks",
    "CiCommit",
    "CiDeliveryPublic",
    "CiEvent",
    "CiEventStatus",
    "CiEventType",
    "CiSourceCreate",
    "CiSourceCreateProvider",
    "CiSourcePublic",
    "CiSourceUpdate",
    "CiSourceWithSecret",
    "CloudEvent",
    "Data",
    "DecideBatch",
    "Decision",
    "DecisionBatchPublic",
    "DecisionBatchPublicStatus",
    "DecisionBatchPublicUnitKind",
    "DecisionPublic",
    "DecisionPublicStatus",
    "DecisionPublicUnitKind",
    "DeliveryAttemptPublic",
    "DeploymentCreate",
    "DeploymentCreateStatus",
    "DeploymentProtectionRequestPublic",
    "DeploymentProtectionRequestPublicStatus",
    "DeploymentPublic",
    "DeploymentPublicStatus",
    "DeploymentUpdate",
    "DeploymentUpdateStatusType0",
    "DoraMetrics",
    "EnvironmentDef",
    "EnvironmentPublic",
    "EnvironmentsIn",
    "EnvironmentsPublic",
    "EventDeliveryPublic",
    "EventReceipt",
    "EventReceiptStatus",
    "Facts",
    "FailingCheck",
    "FieldChange",
    "FieldError",
    "FreezeExceptionCreate",
    "FreezeExceptionDecision",
    "FreezeExceptionPublic",
    "FreezeExceptionPublicStatus",
    "FreezeWindowCreate",
    "FreezeWindowPublic",
    "GateCheck",
    "GateCheckName",
    "GateDenial",
    "GateHold",
    "GateHoldChecksItem",
    "GateOverride",
    "GateOverrideRecord",
    "GateResult",
    "GitHubAppConfig",
    "GitHubAppPublic",
    "GuardrailCheck",
    "GuardrailCheckState",
    "GuardrailPublic",
    "GuardrailPublicComparator",
    "GuardrailPublicOnFailType0",
    "GuardrailSpec",
    "GuardrailSpecOnFailType0",
    "GuardrailStatus",
    "GuardrailStatusStatus",
    "Health",
    "HistoryEntryPublic",
    "InconclusiveHold",
    "InconclusiveHoldChecksItem",
    "ListCiDeliveriesStatusType0",
    "ListDeploymentProtectionRequestsStatusType0",
    "ListDeploymentsStatusType0",
    "ListEventDeliveriesStatusType0",
    "ListReleasesStatusType0",
    "ListRolloutMetricsCohortType0",
    "ListRolloutsStatusType0",
    "ListVerificationsResultType0",
    "PageCiDeliveryPublic",
    "PageCiSourcePublic",
    "PageDeliveryAttemptPublic",
    "PageDeploymentProtectionRequestPublic",
    "PageDeploymentPublic",
    "PageEventDeliveryPublic",
    "PageFreezeWindowPublic",
    "PageGateResult",
    "PageHistoryEntryPublic",
    "PagePipelineRunPublic",
    "PagePortfolioItem",
    "PageReadingPublic",
    "PageReleasePublic",
    "PageRolloutPublic",
    "PageSchedulePublic",
    "PageSubscriptionPublic",
    "PageVerificationPublic",
    "PipelineRunPublic",
    "PlanStep",
    "PlanStepKind",
    "PlanStepOrdered",
    "PortfolioItem",
    "PortfolioItemGuardrailOutcome",
    "PortfolioItemStatus",
    "Problem",
    "ReadingBatch",
    "ReadingCheck",
    "ReadingCheckOutcome",
    "ReadingCreate",
    "ReadingCreateCohort",
    "ReadingPublic",
    "ReadingPublicCohort",
    "ReadingPublicOutcome",
    "ReadingsResult",
    "ReadingsResultActionTakenType0",
    "ReceiveGithubWebhookBody",
    "ReceiveGitlabWebhookBody",
    "ReleaseBrief",
    "ReleaseCreate",
    "ReleaseLookupEntry",
    "ReleaseLookupRequest",
    "ReleaseLookupResponse",
    "ReleasePlan",
    "ReleasePublic",
    "ReleasePublicStatus",
    "ReleaseScopeQuery",
    "ReleaseScopeResult",
    "ReleaseSummary",
    "ReleaseTouched",
    "ReleaseUpdate",
    "RetrospectivePublic",
    "RetrospectiveUpdate",
    "RollbackEvent",
    "RolloutActionRequest",
    "RolloutCreate",
    "RolloutCreateOnBreach",
    "RolloutCreateUnitKind",
    "RolloutOutcomes",
    "RolloutProgress",
    "RolloutPublic",
    "RolloutPublicOnBreach",
    "RolloutPublicStatus",
    "RolloutPublicUnitKind",
    "RolloutUpdate",
    "RolloutUpdateOnBreachType0",
    "RolloutUpdateUnitKindType0",
    "ScheduleCreate",
    "ScheduleCreateAction",
    "SchedulePublic",
    "SchedulePublicAction",
    "SchedulePublicFailureType0",
    "SchedulePublicStatus",
    "SendToRisk",
    "SendToRiskCategory",
    "SlackInteractionBody",
    "SlackReply",
    "SlackUserPublic",
    "SlackUserPut",
    "SlackUserPutRole",
    "StageCreate",
    "StagePublic",
    "StartRequest",
    "States",
    "SubscriptionCreate",
    "SubscriptionCreateFormat",
    "SubscriptionCreateSignatureScheme",
    "SubscriptionPublic",
    "SubscriptionUpdate",
    "SubscriptionUpdateFormatType0",
    "SubscriptionWithSecret",
    "SummaryDora",
    "VerificationBrief",
    "VerificationCreate",
    "VerificationCreateResult",
    "VerificationPublic",
    "VerificationPublicResult",
    "VerificationUpdate",
    "VerificationUpdateResultType0",
    "WebhookReceipt",
    "WebhookReceiptStatus",
)
