"""The keys and limits the contracts share, and `Published`: a vocabulary word validated on both sides
that the published documents keep as an open string."""

from __future__ import annotations

from typing import Annotated, TypeVar

from pydantic import StringConstraints, WithJsonSchema

PROJECT_KEY_PATTERN = r"^[A-Z][A-Z0-9]{1,9}$"
ITEM_KEY_PATTERN = r"^[A-Z][A-Z0-9]{1,9}-[1-9][0-9]{0,8}$"
ProjectKey = Annotated[str, StringConstraints(pattern=PROJECT_KEY_PATTERN)]
ItemKey = Annotated[str, StringConstraints(pattern=ITEM_KEY_PATTERN)]
RiskKey = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]{1,9}-R[1-9][0-9]{0,8}$")]
MAX_LOOKUP_KEYS = 1000

# A vocabulary type (validated on both sides) that the published documents keep as the open string they
# have always been: an SDK generated with a closed enum would fail on the first value a newer service adds.
_Word = TypeVar("_Word")
Published = Annotated[_Word, WithJsonSchema({"type": "string"})]
