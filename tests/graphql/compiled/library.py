"""A small self-contained schema for the compiled path: a library of books and authors.

Every way a value can be produced is here once: plain attributes (Strawberry's basic
fields), sync and async resolvers, DataLoaders, arguments, an enum, nullable and
non-null lists, an interface and a union (``resolve_type`` and ``is_type_of``), an
async iterable, resolvers that raise (sync and async) or return nulls where the type
forbids them, and a resolver that reports what its ``info`` says.

``run_both`` executes one request through graphql-core's executor and through the
compiled one, each with a fresh context, and returns both results.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable
from dataclasses import dataclass, field
from enum import Enum
from typing import Annotated, Any, TypeVar

import strawberry
from graphql import ExecutionResult, GraphQLError
from strawberry.dataloader import DataLoader
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types import Info

from app.graphql.compiled import CompiledExecution

T = TypeVar("T")


@strawberry.enum
class Genre(Enum):
    NOVEL = "novel"
    POETRY = "poetry"


class OutOfPrint(Exception):
    """A domain error a resolver raises; extensions classify errors by their type."""


@strawberry.interface
class Node:
    id: strawberry.ID


@strawberry.type
class Author(Node):
    name: str
    born: int | None = None

    @strawberry.field
    async def books(self, info: Info) -> list[Book]:
        return [book for book in context(info).books if book.author_id == self.id]


@strawberry.type
class Book(Node):
    title: str
    genre: Genre
    year: int | None = None
    rating: float = 0.0
    author_id: strawberry.Private[str] = ""
    tag_values: strawberry.Private[list[str | None]] = field(default_factory=list)

    @strawberry.field
    async def author(self, info: Info) -> Author:
        return await context(info).authors.load(self.author_id)

    @strawberry.field
    async def maybe_author(self, info: Info) -> Author | None:
        return await context(info).authors.load(self.author_id)

    @strawberry.field
    def tags(self) -> list[str | None]:
        return self.tag_values

    @strawberry.field
    def strict_tags(self) -> list[str]:
        return self.tag_values  # type: ignore[return-value]  # a None item: an error

    @strawberry.field
    def broken(self) -> str:
        raise OutOfPrint(f"{self.title} is out of print")

    @strawberry.field
    def maybe_broken(self) -> str | None:
        raise OutOfPrint(f"{self.title} is out of print")

    @strawberry.field
    async def async_broken(self) -> str:
        await asyncio.sleep(0)
        raise OutOfPrint(f"{self.title} went missing")

    @strawberry.field
    async def async_maybe_broken(self) -> str | None:
        await asyncio.sleep(0)
        raise OutOfPrint(f"{self.title} went missing")

    @strawberry.field
    def shout(self, suffix: str = "!", times: int = 1) -> str:
        return self.title.upper() + suffix * times

    @strawberry.field
    def huge(self) -> int:
        return 2**40  # outside GraphQL's Int: a serialization error

    @strawberry.field
    def as_author(self) -> Author:
        return self.title  # type: ignore[return-value]  # not an Author: is_type_of refuses it


SearchResult = Annotated[Book | Author, strawberry.union("SearchResult")]


@dataclass
class Context:
    books: list[Book]
    authors_by_id: dict[str, Author]
    batches: list[list[str]] = field(default_factory=list)
    authors: DataLoader[str, Author] = field(init=False)

    def __post_init__(self) -> None:
        async def load(keys: list[str]) -> list[Author | BaseException]:
            self.batches.append(list(keys))
            return [self.authors_by_id.get(key) or KeyError(key) for key in keys]

        self.authors = DataLoader(load_fn=load)


def context(info: Info) -> Context:
    return info.context  # type: ignore[no-any-return]


@strawberry.type
class InfoReport:
    field_name: str
    path: list[str]
    parent_type: str
    return_type: str
    variables: str
    selected: list[str]
    operation_name: str | None


@strawberry.type
class Query:
    @strawberry.field
    def books(self, info: Info, first: int | None = None) -> list[Book]:
        return context(info).books[:first]

    @strawberry.field
    def maybe_books(self, info: Info) -> list[Book | None] | None:
        return [*context(info).books, None]

    @strawberry.field
    async def async_books(self, info: Info) -> list[Book]:
        await asyncio.sleep(0)
        return context(info).books

    @strawberry.field
    def awaitable_items(self, info: Info) -> list[Book]:
        async def item(book: Book) -> Book:
            await asyncio.sleep(0)
            return book

        return [item(book) for book in context(info).books]  # type: ignore[misc]

    @strawberry.field
    async def streamed_titles(self, info: Info) -> list[str]:
        async def titles() -> AsyncIterator[str]:
            for book in context(info).books:
                yield book.title

        return titles()  # type: ignore[return-value]  # graphql-core completes it

    @strawberry.field
    def node(self, info: Info, id: strawberry.ID) -> Node | None:
        for book in context(info).books:
            if book.id == id:
                return book
        return context(info).authors_by_id.get(id)

    @strawberry.field
    def search(self, info: Info, term: str) -> list[SearchResult]:
        found: list[Book | Author] = [b for b in context(info).books if term in b.title]
        found += [a for a in context(info).authors_by_id.values() if term in a.name]
        return found

    @strawberry.field
    def info_report(self, info: Info, x: int | None = None) -> InfoReport:
        return InfoReport(
            field_name=info.field_name,
            path=[str(key) for key in info.path.as_list()],
            parent_type=str(info._raw_info.parent_type),
            return_type=str(info._raw_info.return_type),
            variables=repr(sorted(info.variable_values.items())),
            selected=[selection.name for selection in info.selected_fields[0].selections],  # type: ignore[union-attr]
            operation_name=info.operation.name.value if info.operation.name else None,
        )

    @strawberry.field
    def graphql_error(self) -> str | None:
        raise GraphQLError("refused", extensions={"code": "FORBIDDEN", "why": ["a", "b"]})


@strawberry.type
class Mutation:
    @strawberry.mutation
    def rate(self, info: Info, rating: float) -> list[Book]:
        for book in context(info).books:
            book.rating = rating
        return context(info).books


def make_context() -> Context:
    authors = {
        "a1": Author(id=strawberry.ID("a1"), name="Ada", born=1815),
        "a2": Author(id=strawberry.ID("a2"), name="Grace"),
    }
    books = [
        Book(
            id=strawberry.ID(f"b{n}"),
            title=f"Book {n}",
            genre=Genre.NOVEL if n % 2 else Genre.POETRY,
            year=None if n % 3 == 0 else 1900 + n,
            rating=n / 2,
            author_id="a1" if n % 2 else ("a2" if n != 4 else "missing"),
            tag_values=[f"t{n}", None] if n % 2 else [f"t{n}"],
        )
        for n in range(1, 6)
    ]
    return Context(books=books, authors_by_id=authors)


class QuietSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: object = None) -> None:
        """Errors are what the tests compare, not what they log."""


class CompiledContext(CompiledExecution, StrawberryGraphQLCoreExecutionContext):
    pass


reference_schema = QuietSchema(
    query=Query, mutation=Mutation, execution_context_class=StrawberryGraphQLCoreExecutionContext
)
compiled_schema = QuietSchema(
    query=Query, mutation=Mutation, execution_context_class=CompiledContext
)


@dataclass
class Both:
    reference: ExecutionResult
    compiled: ExecutionResult
    reference_context: Context
    compiled_context: Context


async def settled(execution: Awaitable[T]) -> T:
    """The result, once the work the executor settles in the background (the siblings of
    an error that nulled their parent) is done too, as it would be on a server's loop
    (a test's loop may close first, leaving their coroutines never awaited)."""
    before = asyncio.all_tasks()
    result = await execution
    pending = asyncio.all_tasks() - before - {asyncio.current_task()}
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)
    return result


async def run_both(query: str, variables: dict[str, Any] | None = None, **kwargs: Any) -> Both:
    reference_context, compiled_context = make_context(), make_context()
    reference = await settled(
        reference_schema.execute(
            query, variable_values=variables, context_value=reference_context, **kwargs
        )
    )
    compiled = await settled(
        compiled_schema.execute(
            query, variable_values=variables, context_value=compiled_context, **kwargs
        )
    )
    return Both(reference, compiled, reference_context, compiled_context)  # type: ignore[arg-type]
