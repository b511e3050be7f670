from typing import Any

from .categories import Categories
from .create_app_token import CreateAppToken
from .create_listing import CreateListing
from .create_webhook import CreateWebhook
from .input_types import (
    AppTokenCreateInput,
    ListingCreateInput,
    PersistedDocumentRegisterInput,
    TokenCreateInput,
    WebhookCreateInput,
)
from .listing import Listing
from .my_organizations import MyOrganizations
from .register_document import RegisterDocument
from .sign_in import SignIn
from .trusted_documents_client import TrustedDocumentsClient


def gql(q: str) -> str:
    return q


class Client(TrustedDocumentsClient):
    async def sign_in(self, input: TokenCreateInput, **kwargs: Any) -> SignIn:
        query = gql("""
            mutation SignIn($input: TokenCreateInput!) {
              tokenCreate(input: $input) {
                token
                userErrors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="SignIn", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SignIn.model_validate(data)

    async def my_organizations(self, **kwargs: Any) -> MyOrganizations:
        query = gql("""
            query MyOrganizations {
              me {
                memberships(first: 10) {
                  edges {
                    node {
                      role
                      organization {
                        id
                        name
                        kinds
                      }
                    }
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query, operation_name="MyOrganizations", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return MyOrganizations.model_validate(data)

    async def create_app_token(
        self, input: AppTokenCreateInput, **kwargs: Any
    ) -> CreateAppToken:
        query = gql("""
            mutation CreateAppToken($input: AppTokenCreateInput!) {
              appTokenCreate(input: $input) {
                token
                appToken {
                  id
                  name
                  scopes
                }
                userErrors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="CreateAppToken", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CreateAppToken.model_validate(data)

    async def register_document(
        self, input: PersistedDocumentRegisterInput, **kwargs: Any
    ) -> RegisterDocument:
        query = gql("""
            mutation RegisterDocument($input: PersistedDocumentRegisterInput!) {
              persistedDocumentRegister(input: $input) {
                documentId
                userErrors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query,
            operation_name="RegisterDocument",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return RegisterDocument.model_validate(data)

    async def categories(self, **kwargs: Any) -> Categories:
        query = gql("""
            query Categories {
              categories {
                id
                slug
                name
              }
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query, operation_name="Categories", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Categories.model_validate(data)

    async def create_listing(
        self, input: ListingCreateInput, **kwargs: Any
    ) -> CreateListing:
        query = gql("""
            mutation CreateListing($input: ListingCreateInput!) {
              listingCreate(input: $input) {
                listing {
                  id
                  title
                  status
                  quantity
                  unitValue {
                    amount
                    currency
                  }
                }
                userErrors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="CreateListing", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CreateListing.model_validate(data)

    async def listing(self, id: str, **kwargs: Any) -> Listing:
        query = gql("""
            query Listing($id: ID!) {
              listing(id: $id) {
                id
                title
                status
                quantity
                quantityAvailable
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = await self.execute(
            query=query, operation_name="Listing", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Listing.model_validate(data)

    async def create_webhook(
        self, input: WebhookCreateInput, **kwargs: Any
    ) -> CreateWebhook:
        query = gql("""
            mutation CreateWebhook($input: WebhookCreateInput!) {
              webhookCreate(input: $input) {
                webhook {
                  id
                  url
                  eventTypes
                  isActive
                }
                secret
                userErrors {
                  field
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="CreateWebhook", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CreateWebhook.model_validate(data)
