from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from app.analytics import service


@pytest.fixture(autouse=True)
async def fresh_analyses() -> AsyncIterator[None]:
    """No item analysis carried over from another test, none left computing after one."""
    service.forget_analyses()
    yield
    await service.item_analysis_ready()
    service.forget_analyses()
