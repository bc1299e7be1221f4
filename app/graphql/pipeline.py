"""Several schema extensions run as one: the same hooks, in the same order, for less.

Strawberry runs each extension's hooks per request through its own machinery: for
every phase (operation, parse, validate, execute) and every extension it looks the hook
up, wraps it in a ``contextlib`` context manager (``functools.wraps`` included) and
enters it on an exit stack. With six extensions that was a fifth of the CPU of a cached
``viewer`` request (docs/perf/credential-cache.md). ``compose`` builds one extension
class out of several: Strawberry then wraps one hook per phase, and that hook drives
the parts' hooks directly, from a table worked out once per composed class.

Each part stays the extension it is, in its own module, and behaves as it did when
listed on its own:

- the parts' hooks nest as Strawberry nests the listed extensions' hooks: entered in
  the order given (the first outermost), left in reverse, and an exception raised in
  the phase (or by a part) is thrown into each entered part on the way out, which may
  handle it, replace it or let it pass, exactly as a context manager on an exit stack;
- a part whose hook is a plain function (not a generator) runs it on the way in;
- ``get_results`` merges the parts' results in order, awaiting those that are coroutines;
- every part gets the request's ``execution_context``.

A part may not implement ``resolve`` (the per-field hook): ``compose`` refuses it.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Generator, Iterator, Sequence
from typing import Any, ClassVar

from strawberry.extensions import SchemaExtension
from strawberry.extensions.runner import SchemaExtensionsRunner
from strawberry.types import ExecutionContext

PHASES = ("on_operation", "on_parse", "on_validate", "on_execute")

# One hook of a part: its position among the parts, the function, and how to drive it.
_PLAIN, _GENERATOR, _ASYNC_GENERATOR, _COROUTINE = range(4)
_Hook = tuple[int, Callable[..., Any], int]


def _kind(function: Callable[..., Any]) -> int:
    if inspect.isasyncgenfunction(function):
        return _ASYNC_GENERATOR
    if inspect.isgeneratorfunction(function):
        return _GENERATOR
    if inspect.iscoroutinefunction(function):
        return _COROUTINE
    return _PLAIN


def _hooks(parts: Sequence[type[SchemaExtension]], name: str) -> tuple[_Hook, ...]:
    default = getattr(SchemaExtension, name)
    found: list[_Hook] = []
    for index, part in enumerate(parts):
        function = getattr(part, name)
        if function is not default:
            found.append((index, function, _kind(function)))
    return tuple(found)


class ComposedExtension(SchemaExtension):
    """Runs its ``parts`` as one extension (build one with ``compose``)."""

    parts: ClassVar[tuple[type[SchemaExtension], ...]] = ()
    _tables: ClassVar[dict[str, tuple[_Hook, ...]]] = {}
    _results: ClassVar[tuple[int, ...]] = ()

    def __init__(self, *, execution_context: ExecutionContext | None = None) -> None:
        self.instances = [part(execution_context=execution_context) for part in self.parts]
        if execution_context is not None:
            self.execution_context = execution_context

    @property
    def execution_context(self) -> ExecutionContext:
        return self._execution_context

    @execution_context.setter
    def execution_context(self, value: ExecutionContext) -> None:
        self._execution_context = value
        for instance in self.instances:
            instance.execution_context = value

    async def get_results(self) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for index in self._results:
            results = self.instances[index].get_results()
            if inspect.isawaitable(results):
                results = await results
            merged.update(results)
        return merged

    # Driving the parts' hooks of one phase: ``_enter`` returns the generators entered
    # (innermost last); ``_leave`` finishes them in reverse with the phase's exception.

    async def _enter(self, name: str, *args: Any) -> list[Any]:
        entered: list[Any] = []
        try:
            for index, function, kind in self._tables[name]:
                instance = self.instances[index]
                if kind == _ASYNC_GENERATOR:
                    generator = function(instance, *args)
                    await generator.__anext__()
                    entered.append(generator)
                elif kind == _GENERATOR:
                    generator = function(instance, *args)
                    next(generator)
                    entered.append(generator)
                elif kind == _COROUTINE:
                    await function(instance, *args)
                else:
                    function(instance, *args)
        except BaseException as error:
            await self._leave(entered, error)
            raise
        return entered

    def _enter_sync(self, name: str, *args: Any) -> list[Any]:
        entered: list[Any] = []
        try:
            for index, function, kind in self._tables[name]:
                instance = self.instances[index]
                if kind == _GENERATOR:
                    generator = function(instance, *args)
                    next(generator)
                    entered.append(generator)
                else:
                    function(instance, *args)
        except BaseException as error:
            _leave_sync(entered, error)
            raise
        return entered

    async def _leave(self, entered: list[Any], error: BaseException | None) -> None:
        """Finish the entered hooks, innermost first; raise what is left of ``error``
        (or what a hook raised instead), or return when a hook handled it."""
        while entered:
            generator = entered.pop()
            if not inspect.isasyncgen(generator):
                try:
                    _finish(generator, error)
                    error = None
                except BaseException as raised:
                    error = raised
                continue
            try:
                if error is None:
                    await generator.__anext__()
                else:
                    await generator.athrow(error)
            except StopAsyncIteration:
                error = None  # finished, or handled the error
                continue
            except BaseException as raised:
                error = raised
                continue
            error = RuntimeError(f"{generator!r} yielded twice")
        if error is not None:
            raise error


def _finish(generator: Generator[Any, Any, Any], error: BaseException | None) -> None:
    """Resume a generator hook once; return if it finished (handling ``error``)."""
    try:
        if error is None:
            next(generator)
        else:
            generator.throw(error)
    except StopIteration:
        return
    raise RuntimeError(f"{generator!r} yielded twice")


def _leave_sync(entered: list[Any], error: BaseException | None) -> None:
    while entered:
        generator = entered.pop()
        try:
            _finish(generator, error)
            error = None
        except BaseException as raised:
            error = raised
    if error is not None:
        raise error


def _phase_hook(name: str, asynchronous: bool) -> Callable[..., Any]:
    if asynchronous:

        async def phase(self: ComposedExtension) -> AsyncIterator[None]:
            entered = await self._enter(name)
            try:
                yield
            except BaseException as error:
                await self._leave(entered, error)  # returns when a part handled it
            else:
                await self._leave(entered, None)

        return phase

    def sync_phase(self: ComposedExtension) -> Iterator[None]:
        entered = self._enter_sync(name)
        try:
            yield
        except BaseException as error:
            _leave_sync(entered, error)
        else:
            _leave_sync(entered, None)

    return sync_phase


def _stream_hook(asynchronous: bool) -> Callable[..., Any]:
    name = "on_stream_result"
    if asynchronous:

        async def phase(self: ComposedExtension, result: Any) -> AsyncIterator[None]:
            entered = await self._enter(name, result)
            try:
                yield
            except BaseException as error:
                await self._leave(entered, error)
            else:
                await self._leave(entered, None)

        return phase

    def sync_phase(self: ComposedExtension, result: Any) -> Iterator[None]:
        entered = self._enter_sync(name, result)
        try:
            yield
        except BaseException as error:
            _leave_sync(entered, error)
        else:
            _leave_sync(entered, None)

    return sync_phase


def compose(name: str, *parts: type[SchemaExtension]) -> type[ComposedExtension]:
    """One extension class running ``parts`` (extension classes) in this order, the
    first outermost, as if they were listed so in the schema's ``extensions``."""
    for part in parts:
        if part._implements_resolve():
            raise TypeError(f"{part.__name__} implements resolve; list it on its own")
    tables = {phase: _hooks(parts, phase) for phase in (*PHASES, "on_stream_result")}
    namespace: dict[str, Any] = {
        "parts": tuple(parts),
        "_tables": tables,
        "_results": tuple(
            index
            for index, part in enumerate(parts)
            if part.get_results is not SchemaExtension.get_results
        ),
        "__doc__": "Runs, as one extension: " + ", ".join(part.__name__ for part in parts),
    }
    for phase, hooks in tables.items():
        if not hooks:
            continue  # Strawberry skips a phase no part hooks into
        asynchronous = any(kind in (_ASYNC_GENERATOR, _COROUTINE) for _, _, kind in hooks)
        if phase == "on_stream_result":
            namespace[phase] = _stream_hook(asynchronous)
        else:
            namespace[phase] = _phase_hook(phase, asynchronous)
    return type(name, (ComposedExtension,), namespace)


# --- a runner of our own --------------------------------------------------------------
#
# Strawberry enters each phase through a context manager that, per request and phase,
# looks up every extension's hook, wraps it with ``contextlib`` and enters it on an exit
# stack. With one composed extension that is still one wrapped generator per phase, and
# the composed hook drives the parts. ``PipelineRunner`` drives the parts directly: each
# phase is one small object calling ``_enter`` and ``_leave``, with the same nesting,
# the same exception handling (a part may handle, replace or pass on what the phase
# raised) and the same results.


class _Phase:
    """One phase of one request: ``async with`` or ``with``, as Strawberry uses it."""

    __slots__ = ("args", "entered", "extension", "name")

    def __init__(self, extension: ComposedExtension, name: str, *args: Any) -> None:
        self.extension = extension
        self.name = name
        self.args = args
        self.entered: list[Any] = []

    async def __aenter__(self) -> None:
        self.entered = await self.extension._enter(self.name, *self.args)

    async def __aexit__(self, kind: Any, error: BaseException | None, traceback: Any) -> bool:
        if kind is None:
            await self.extension._leave(self.entered, None)
            return False
        if error is None:
            error = kind()
        try:
            await self.extension._leave(self.entered, error)
        except BaseException as raised:
            if raised is error:
                return False  # passed on unchanged: let it propagate as it is
            raise
        return True  # a part handled it

    def __enter__(self) -> None:
        for _, _, kind in self.extension._tables[self.name]:
            if kind in (_ASYNC_GENERATOR, _COROUTINE):
                raise RuntimeError(
                    f"SchemaExtension hook {type(self.extension).__name__}.{self.name} "
                    "failed to complete synchronously."
                )
        self.entered = self.extension._enter_sync(self.name, *self.args)

    def __exit__(self, kind: Any, error: BaseException | None, traceback: Any) -> bool:
        if kind is None:
            _leave_sync(self.entered, None)
            return False
        if error is None:
            error = kind()
        try:
            _leave_sync(self.entered, error)
        except BaseException as raised:
            if raised is error:
                return False
            raise
        return True


class PipelineRunner(SchemaExtensionsRunner):
    """Strawberry's runner for a schema whose only extension is a composed one."""

    def __init__(self, execution_context: ExecutionContext, extension: ComposedExtension) -> None:
        super().__init__(execution_context=execution_context, extensions=[extension])
        self.composed = extension

    def operation(self) -> Any:
        return _Phase(self.composed, "on_operation")

    def validation(self) -> Any:
        return _Phase(self.composed, "on_validate")

    def parsing(self) -> Any:
        return _Phase(self.composed, "on_parse")

    def executing(self) -> Any:
        return _Phase(self.composed, "on_execute")

    def on_stream_result(self, result: Any) -> Any:
        return _Phase(self.composed, "on_stream_result", result)

    async def get_extensions_results(self, ctx: ExecutionContext) -> dict[str, Any]:
        data = await self.composed.get_results()
        data.update(ctx.extensions_results)
        return data


def runner(
    execution_context: ExecutionContext, extensions: list[SchemaExtension]
) -> SchemaExtensionsRunner:
    """``PipelineRunner`` when the request's only extension is composed (``compose``),
    else Strawberry's own: for ``Schema.create_extensions_runner``."""
    if len(extensions) == 1 and isinstance(extensions[0], ComposedExtension):
        return PipelineRunner(execution_context, extensions[0])
    return SchemaExtensionsRunner(execution_context=execution_context, extensions=extensions)
