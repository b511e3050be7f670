"""Teaches mypy that `X = enum_type(SomeEnum, ...)` makes `X` another name for `SomeEnum`.

`schema.enum_type.enum_type` returns the very class it is given (Strawberry attaches the GraphQL
definition to it in place), so `role: Role` annotates a `DomainRole` value. mypy cannot see that a
call returns a class usable as a type, and would report every such annotation as `valid-type`.
This plugin binds the assigned name to the enum's class, exactly as `from m import SomeEnum as X`.
Loaded through `plugins` in pyproject's `[tool.mypy]`; never imported by the application.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import GDEF, RefExpr, SymbolTableNode, TypeInfo
from mypy.plugin import DynamicClassDefContext, Plugin

ENUM_TYPE = "schema.enum_type.enum_type"


def _bind_name_to_enum(ctx: DynamicClassDefContext) -> None:
    enum = ctx.call.args[0] if ctx.call.args else None
    if not isinstance(enum, RefExpr):
        return  # not a plain reference to a class: leave it to mypy's own checks
    if not isinstance(enum.node, TypeInfo):
        # The class is not analyzed yet (an import cycle); ask for another pass while one is left.
        if not ctx.api.final_iteration:
            ctx.api.defer()
        return
    if enum.node.fullname == ctx.api.qualified_name(ctx.name):
        return  # `Kind = enum_type(Kind, ...)`: the name is the class already
    ctx.api.add_symbol_table_node(ctx.name, SymbolTableNode(GDEF, enum.node))


class EnumAliasesPlugin(Plugin):
    def get_dynamic_class_hook(self, fullname: str) -> Callable[[DynamicClassDefContext], None] | None:
        return _bind_name_to_enum if fullname == ENUM_TYPE else None


def plugin(version: str) -> type[Plugin]:
    return EnumAliasesPlugin
