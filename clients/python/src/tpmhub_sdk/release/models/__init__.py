"""Contains all the data models used in inputs/outputs"""

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
from .checklist_template_item import ChecklistTemplateItem
from .checklist_template_public import ChecklistTemplatePublic
from .checklist_template_put import ChecklistTemplatePut
from .checks import Checks
from .decide_batch import DecideBatch
from .decision import Decision
from .decision_batch_public import DecisionBatchPublic
from .decision_batch_public_status import DecisionBatchPublicStatus
from .decision_batch_public_unit_kind import DecisionBatchPublicUnitKind
from .decision_public import DecisionPublic
from .decision_public_status import DecisionPublicStatus
from .decision_public_unit_kind import DecisionPublicUnitKind
from .field_change import FieldChange
from .field_error import FieldError
from .freeze_exception_create import FreezeExceptionCreate
from .freeze_exception_decision import FreezeExceptionDecision
from .freeze_exception_public import FreezeExceptionPublic
from .freeze_exception_public_status import FreezeExceptionPublicStatus
from .freeze_window_create import FreezeWindowCreate
from .freeze_window_public import FreezeWindowPublic
from .guardrail_public import GuardrailPublic
from .guardrail_public_comparator import GuardrailPublicComparator
from .health import Health
from .history_entry_public import HistoryEntryPublic
from .list_releases_status_type_0 import ListReleasesStatusType0
from .list_rollout_metrics_cohort_type_0 import ListRolloutMetricsCohortType0
from .list_rollouts_status_type_0 import ListRolloutsStatusType0
from .list_verifications_result_type_0 import ListVerificationsResultType0
from .page_freeze_window_public import PageFreezeWindowPublic
from .page_history_entry_public import PageHistoryEntryPublic
from .page_reading_public import PageReadingPublic
from .page_release_public import PageReleasePublic
from .page_rollout_public import PageRolloutPublic
from .page_verification_public import PageVerificationPublic
from .plan_step import PlanStep
from .plan_step_kind import PlanStepKind
from .plan_step_ordered import PlanStepOrdered
from .problem import Problem
from .reading_batch import ReadingBatch
from .reading_create import ReadingCreate
from .reading_create_cohort import ReadingCreateCohort
from .reading_public import ReadingPublic
from .reading_public_cohort import ReadingPublicCohort
from .reading_public_outcome import ReadingPublicOutcome
from .readings_result import ReadingsResult
from .readings_result_action_taken_type_0 import ReadingsResultActionTakenType0
from .release_create import ReleaseCreate
from .release_plan import ReleasePlan
from .release_public import ReleasePublic
from .release_public_status import ReleasePublicStatus
from .release_update import ReleaseUpdate
from .rollout_create import RolloutCreate
from .rollout_create_on_breach import RolloutCreateOnBreach
from .rollout_create_unit_kind import RolloutCreateUnitKind
from .rollout_public import RolloutPublic
from .rollout_public_on_breach import RolloutPublicOnBreach
from .rollout_public_status import RolloutPublicStatus
from .rollout_public_unit_kind import RolloutPublicUnitKind
from .stage_create import StageCreate
from .stage_public import StagePublic
from .verification_create import VerificationCreate
from .verification_create_result import VerificationCreateResult
from .verification_public import VerificationPublic
from .verification_public_result import VerificationPublicResult
from .verification_update import VerificationUpdate
from .verification_update_result_type_0 import VerificationUpdateResultType0

__all__ = (
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
    "ChecklistTemplateItem",
    "ChecklistTemplatePublic",
    "ChecklistTemplatePut",
    "Checks",
    "DecideBatch",
    "Decision",
    "DecisionBatchPublic",
    "DecisionBatchPublicStatus",
    "DecisionBatchPublicUnitKind",
    "DecisionPublic",
    "DecisionPublicStatus",
    "DecisionPublicUnitKind",
    "FieldChange",
    "FieldError",
    "FreezeExceptionCreate",
    "FreezeExceptionDecision",
    "FreezeExceptionPublic",
    "FreezeExceptionPublicStatus",
    "FreezeWindowCreate",
    "FreezeWindowPublic",
    "GuardrailPublic",
    "GuardrailPublicComparator",
    "Health",
    "HistoryEntryPublic",
    "ListReleasesStatusType0",
    "ListRolloutMetricsCohortType0",
    "ListRolloutsStatusType0",
    "ListVerificationsResultType0",
    "PageFreezeWindowPublic",
    "PageHistoryEntryPublic",
    "PageReadingPublic",
    "PageReleasePublic",
    "PageRolloutPublic",
    "PageVerificationPublic",
    "PlanStep",
    "PlanStepKind",
    "PlanStepOrdered",
    "Problem",
    "ReadingBatch",
    "ReadingCreate",
    "ReadingCreateCohort",
    "ReadingPublic",
    "ReadingPublicCohort",
    "ReadingPublicOutcome",
    "ReadingsResult",
    "ReadingsResultActionTakenType0",
    "ReleaseCreate",
    "ReleasePlan",
    "ReleasePublic",
    "ReleasePublicStatus",
    "ReleaseUpdate",
    "RolloutCreate",
    "RolloutCreateOnBreach",
    "RolloutCreateUnitKind",
    "RolloutPublic",
    "RolloutPublicOnBreach",
    "RolloutPublicStatus",
    "RolloutPublicUnitKind",
    "StageCreate",
    "StagePublic",
    "VerificationCreate",
    "VerificationCreateResult",
    "VerificationPublic",
    "VerificationPublicResult",
    "VerificationUpdate",
    "VerificationUpdateResultType0",
)
