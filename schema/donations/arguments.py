"""Arguments the donation exchange's fields share, each with the description a partner needs."""

from __future__ import annotations

from typing import Annotated

import strawberry

First = Annotated[int | None, strawberry.argument(description="How many items to return, 0 to 100; default 20.")]
After = Annotated[
    str | None,
    strawberry.argument(
        description="Return the items after this cursor (a `pageInfo.endCursor` or an edge's `cursor` from the "
        "previous page); omit for the first page."
    ),
]
