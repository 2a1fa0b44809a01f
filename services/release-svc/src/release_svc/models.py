"""Every table of release-svc, imported once for migrations."""

from tpmhub_shared.models import SHARED_TABLES  # noqa: F401

from release_svc.releases.models import Release  # noqa: F401
