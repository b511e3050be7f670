"""The partner integration kit's part of the graph: trusted documents, bulk imports, the audit trail."""

from schema.partners.documents import DocumentMutations

QUERIES: tuple[type, ...] = ()
MUTATIONS: tuple[type, ...] = (DocumentMutations,)
