"""Every table of risk-svc (each domain's models.py), imported once for the app and migrations."""

# Every table must be imported before the app or Alembic reads the metadata; listed, not discovered.
import tpmhub_shared.models  # noqa: F401

import risk_svc.actions.models  # noqa: F401
import risk_svc.assessments.models  # noqa: F401
import risk_svc.escalations.models  # noqa: F401
import risk_svc.links.models  # noqa: F401
import risk_svc.matrix.models  # noqa: F401
import risk_svc.reviews.models  # noqa: F401
import risk_svc.risks.models  # noqa: F401
import risk_svc.views.models  # noqa: F401
