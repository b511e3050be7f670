"""GraphQL over HTTP for partners: media types and status codes, registered documents, idempotency keys."""
