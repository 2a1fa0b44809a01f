"""Every table of requirements-svc, imported once for migrations."""

from tpmhub_shared.models import SHARED_TABLES  # noqa: F401

from requirements_svc.projects.models import Project  # noqa: F401
