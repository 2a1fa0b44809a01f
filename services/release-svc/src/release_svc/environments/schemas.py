"""Request and response models of a project's environment list."""

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

ENV_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,49}$"
# Names are compared in lower case: `Prod` is `prod`.
EnvironmentName = Annotated[
    str,
    BeforeValidator(lambda v: v.strip().lower() if isinstance(v, str) else v),
    StringConstraints(min_length=1, max_length=50, pattern=ENV_PATTERN),
]


class EnvironmentDef(BaseModel):
    """One environment: its canonical name (what is stored) and the other names that mean it."""

    model_config = ConfigDict(extra="forbid")

    name: EnvironmentName = Field(examples=["production"])
    aliases: list[EnvironmentName] = Field(default_factory=list, max_length=20, examples=[["prod", "prd"]])


class EnvironmentPublic(BaseModel):
    """One environment of the project: the name stored everywhere, and the aliases that mean it."""

    name: str = Field(examples=["production"])
    aliases: list[str] = Field(examples=[["prod", "prd"]])


class EnvironmentsIn(BaseModel):
    """The whole list (replaces the current one). Names and aliases are unique across the list."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "environments": [
                        {"name": "development", "aliases": ["dev"]},
                        {"name": "staging", "aliases": ["stage", "stg"]},
                        {"name": "production", "aliases": ["prod", "prd"]},
                    ]
                }
            ]
        },
    )

    environments: list[EnvironmentDef] = Field(min_length=1, max_length=50)

    @model_validator(mode="after")
    def _unique(self) -> "EnvironmentsIn":
        seen: set[str] = set()
        for env in self.environments:
            for word in (env.name, *env.aliases):
                if word in seen:
                    raise ValueError(
                        f"{word!r} names more than one environment (names and aliases are unique)"
                    )
                seen.add(word)
        return self


class EnvironmentsPublic(BaseModel):
    """The project's environments: every place that names an environment accepts a name or an alias and
    stores the name; anything else is refused with 422."""

    project_key: str = Field(examples=["PAY"])
    environments: list[EnvironmentPublic]
    is_default: bool = Field(description="No list saved yet: the default set applies.")
    version: int = Field(description="As in the ETag (0 for the default set).", examples=[1])
