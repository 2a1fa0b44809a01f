"""Every table of requirements-svc (each domain's models.py), imported once for the app and migrations."""

# Every table must be imported before the app or Alembic reads the metadata; listed, not discovered.
import tpmhub_shared.models  # noqa: F401

import requirements_svc.change_requests.models  # noqa: F401
import requirements_svc.criteria.models  # noqa: F401
import requirements_svc.document_reviews.models  # noqa: F401
import requirements_svc.document_versions.models  # noqa: F401
import requirements_svc.documents.models  # noqa: F401
import requirements_svc.health.models  # noqa: F401
import requirements_svc.items.models  # noqa: F401
import requirements_svc.iterations.models  # noqa: F401
import requirements_svc.milestones.models  # noqa: F401
import requirements_svc.projects.models  # noqa: F401
import requirements_svc.reports.models  # noqa: F401
