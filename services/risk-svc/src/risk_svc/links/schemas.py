"""Request and response models of a risk's links."""

import uuid

from pydantic import BaseModel, ConfigDict, Field
from tpmhub_shared.contracts import ItemKey


class LinksIn(BaseModel):
    """Targets to link: backlog items by key, PRDs and releases by id."""

    model_config = ConfigDict(extra="forbid")

    items: list[ItemKey] = Field(default_factory=list, max_length=500, examples=[["PAY-42"]])
    prds: list[uuid.UUID] = Field(default_factory=list, max_length=50)
    releases: list[uuid.UUID] = Field(default_factory=list, max_length=50)

    def is_empty(self) -> bool:
        return not (self.items or self.prds or self.releases)


class Links(BaseModel):
    items: list[str] = Field(default_factory=list, examples=[["PAY-42"]])
    prds: list[str] = Field(default_factory=list)
    releases: list[str] = Field(default_factory=list)
