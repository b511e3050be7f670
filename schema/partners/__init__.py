"""The partner integration kit's part of the graph: trusted documents, bulk imports, the audit trail."""

from schema.partners.audit import AuditQueries
from schema.partners.bulk_imports import BulkImportMutations, BulkImportQueries
from schema.partners.documents import DocumentMutations

QUERIES: tuple[type, ...] = (BulkImportQueries, AuditQueries)
MUTATIONS: tuple[type, ...] = (DocumentMutations, BulkImportMutations)
