from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AppScope, ErrorCode


class CreateAppToken(BaseModel):
    app_token_create: "CreateAppTokenAppTokenCreate" = Field(alias="appTokenCreate")


class CreateAppTokenAppTokenCreate(BaseModel):
    token: Optional[str]
    app_token: Optional["CreateAppTokenAppTokenCreateAppToken"] = Field(
        alias="appToken"
    )
    user_errors: list["CreateAppTokenAppTokenCreateUserErrors"] = Field(
        alias="userErrors"
    )


class CreateAppTokenAppTokenCreateAppToken(BaseModel):
    id: str
    name: str
    scopes: list[AppScope]


class CreateAppTokenAppTokenCreateUserErrors(BaseModel):
    field: Optional[list[str]]
    code: ErrorCode
    message: str


CreateAppToken.model_rebuild()
CreateAppTokenAppTokenCreate.model_rebuild()
