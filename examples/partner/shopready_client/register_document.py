from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class RegisterDocument(BaseModel):
    persisted_document_register: "RegisterDocumentPersistedDocumentRegister" = Field(
        alias="persistedDocumentRegister"
    )


class RegisterDocumentPersistedDocumentRegister(BaseModel):
    document_id: Optional[str] = Field(alias="documentId")
    user_errors: list["RegisterDocumentPersistedDocumentRegisterUserErrors"] = Field(
        alias="userErrors"
    )


class RegisterDocumentPersistedDocumentRegisterUserErrors(BaseModel):
    field: Optional[list[str]]
    code: ErrorCode
    message: str


RegisterDocument.model_rebuild()
RegisterDocumentPersistedDocumentRegister.model_rebuild()
