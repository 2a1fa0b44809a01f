"""Every table of release-svc (each domain's models.py), imported once for the app and migrations."""

# Every table must be imported before the app or Alembic reads the metadata; listed, not discovered.
import tpmhub_shared.models  # noqa: F401

import release_svc.approvals.models  # noqa: F401
import release_svc.checklist.models  # noqa: F401
import release_svc.ci_sources.models  # noqa: F401
import release_svc.deployments.models  # noqa: F401
import release_svc.environments.models  # noqa: F401
import release_svc.freezes.models  # noqa: F401
import release_svc.gate.models  # noqa: F401
import release_svc.guardrails.models  # noqa: F401
import release_svc.protection.models  # noqa: F401
import release_svc.releases.models  # noqa: F401
import release_svc.retrospectives.models  # noqa: F401
import release_svc.rollouts.models  # noqa: F401
import release_svc.scheduling.models  # noqa: F401
import release_svc.slack.models  # noqa: F401
import release_svc.verification.models  # noqa: F401
import release_svc.webhooks.models  # noqa: F401
