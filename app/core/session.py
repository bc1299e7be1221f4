"""An ``AsyncSession`` that serialises its own use within one request.

GraphQL resolves sibling fields concurrently, but one SQLAlchemy session (one
connection, one transaction) must not run two statements at once. Rather than
give each resolver its own connection (and lose the request's single
transaction), every database call takes a per-session lock; a call made while the
same task already holds it (SQLAlchemy's methods calling each other) goes through.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession


class _TaskReentrantLock:
    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._owner: asyncio.Task[Any] | None = None
        self._depth = 0

    async def acquire(self) -> None:
        task = asyncio.current_task()
        if self._owner is task and task is not None:
            self._depth += 1
            return
        await self._lock.acquire()
        self._owner, self._depth = task, 1

    def release(self) -> None:
        self._depth -= 1
        if self._depth == 0:
            self._owner = None
            self._lock.release()


def _serialised(method: Callable[..., Awaitable[Any]]) -> Any:
    @functools.wraps(method)
    async def wrapper(self: SerialisedSession, *args: Any, **kwargs: Any) -> Any:
        await self._use_lock.acquire()
        try:
            return await method(self, *args, **kwargs)
        finally:
            self._use_lock.release()

    return wrapper


class SerialisedSession(AsyncSession):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._use_lock = _TaskReentrantLock()

    exec = _serialised(AsyncSession.exec)
    execute = _serialised(AsyncSession.execute)
    scalar = _serialised(AsyncSession.scalar)
    scalars = _serialised(AsyncSession.scalars)
    get = _serialised(AsyncSession.get)
    get_one = _serialised(AsyncSession.get_one)
    flush = _serialised(AsyncSession.flush)
    commit = _serialised(AsyncSession.commit)
    rollback = _serialised(AsyncSession.rollback)
    refresh = _serialised(AsyncSession.refresh)
    delete = _serialised(AsyncSession.delete)
    merge = _serialised(AsyncSession.merge)
    connection = _serialised(AsyncSession.connection)
    run_sync = _serialised(AsyncSession.run_sync)
