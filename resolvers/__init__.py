"""Use cases, one module per domain: validate, authorize objects, change state, raise DomainError."""
