"""Links from a design to the epics and features it designs, checked against the backlog in one query."""

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession
from tpmhub_shared.problems import UnprocessableEntity, field_error

from requirements_svc.items import repository as items_repository

LINKABLE_TYPES = ("epic", "feature")


async def validate(session: AsyncSession, project_key: str, keys: Sequence[str], *, loc: str) -> None:
    """422 naming each key that is repeated, of another project, missing, or not an epic/feature."""
    errors = []
    seen: set[str] = set()
    for i, key in enumerate(keys):
        if key in seen:
            errors.append(field_error(f"{loc}.{i}", f"{key} is listed twice", "duplicate"))
        elif key.rsplit("-", 1)[0] != project_key:
            errors.append(
                field_error(f"{loc}.{i}", f"{key} is not an item of project {project_key}", "wrong_project")
            )
        seen.add(key)
    wanted = [k for k in dict.fromkeys(keys) if k.rsplit("-", 1)[0] == project_key]
    if wanted:
        types = await items_repository.live_types_by_keys(session, wanted)
        for i, key in enumerate(keys):
            if key not in wanted or keys.index(key) != i:
                continue
            if key not in types:
                errors.append(field_error(f"{loc}.{i}", f"item {key} does not exist", "not_found"))
            elif types[key] not in LINKABLE_TYPES:
                errors.append(
                    field_error(
                        f"{loc}.{i}",
                        f"{key} is a {types[key]}; a design links to epics and features",
                        "wrong_type",
                    )
                )
    if errors:
        raise UnprocessableEntity("Some linked items cannot be linked.", errors=errors)
