from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode, EventType


class CreateWebhook(BaseModel):
    webhook_create: "CreateWebhookWebhookCreate" = Field(alias="webhookCreate")


class CreateWebhookWebhookCreate(BaseModel):
    webhook: Optional["CreateWebhookWebhookCreateWebhook"]
    secret: Optional[str]
    user_errors: list["CreateWebhookWebhookCreateUserErrors"] = Field(
        alias="userErrors"
    )


class CreateWebhookWebhookCreateWebhook(BaseModel):
    id: str
    url: str
    event_types: list[EventType] = Field(alias="eventTypes")
    is_active: bool = Field(alias="isActive")


class CreateWebhookWebhookCreateUserErrors(BaseModel):
    field: Optional[list[str]]
    code: ErrorCode
    message: str


CreateWebhook.model_rebuild()
CreateWebhookWebhookCreate.model_rebuild()
