"""Compiled execution of plain-data subtrees: a graphql-core execution context for Strawberry."""

from schema.execution.executor import CompiledExecutor

__all__ = ["CompiledExecutor"]
