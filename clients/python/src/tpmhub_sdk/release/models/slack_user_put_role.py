from typing import Literal

SlackUserPutRole = Literal["admin", "ci", "engineer", "pm", "qa", "tpm", "viewer"]

SLACK_USER_PUT_ROLE_VALUES: set[SlackUserPutRole] = {
    "admin",
    "ci",
    "engineer",
    "pm",
    "qa",
    "tpm",
    "viewer",
}


def check_slack_user_put_role(value: str) -> SlackUserPutRole:
    if value in SLACK_USER_PUT_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SLACK_USER_PUT_ROLE_VALUES!r}")
