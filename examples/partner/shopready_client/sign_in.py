from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class SignIn(BaseModel):
    token_create: "SignInTokenCreate" = Field(alias="tokenCreate")


class SignInTokenCreate(BaseModel):
    token: Optional[str]
    user_errors: list["SignInTokenCreateUserErrors"] = Field(alias="userErrors")


class SignInTokenCreateUserErrors(BaseModel):
    field: Optional[list[str]]
    code: ErrorCode
    message: str


SignIn.model_rebuild()
SignInTokenCreate.model_rebuild()
