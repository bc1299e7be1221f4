"""The compiled path answers exactly as graphql-core does, query by query.

Each test runs one document through both executors (``library.run_both``) and checks
the two results are the same in everything a client or an extension sees (data with
its key order; errors in order with message, locations, path, extensions, original
error), that the compiled path did run it (or, for what it refuses, that it fell
back), and what the answer is.
"""

from __future__ import annotations

from typing import Any

from app.graphql.compiled import differences, plans, stats
from tests.graphql.compiled.library import Both, OutOfPrint, run_both


async def same(query: str, variables: dict[str, Any] | None = None, **kwargs: Any) -> Both:
    """Both executors' results, asserted equal, the compiled one from a plan."""
    compiled_before = stats.compiled
    both = await run_both(query, variables, **kwargs)
    assert stats.compiled == compiled_before + 1, "the compiled path did not run it"
    assert differences(both.reference, both.compiled) == []
    return both


def errors_of(both: Both) -> list[tuple[str, list[str | int] | None]]:
    return [(error.message, error.path) for error in both.compiled.errors or ()]


async def test_nested_lists_of_attributes_and_resolvers() -> None:
    both = await same("{ books(first: 2) { id title genre year rating tags } }")
    assert both.compiled.errors is None
    assert both.compiled.data == {
        "books": [
            {
                "id": "b1",
                "title": "Book 1",
                "genre": "NOVEL",
                "year": 1901,
                "rating": 0.5,
                "tags": ["t1", None],
            },
            {
                "id": "b2",
                "title": "Book 2",
                "genre": "POETRY",
                "year": 1902,
                "rating": 1.0,
                "tags": ["t2"],
            },
        ]
    }


async def test_aliases_typename_and_merged_fields_keep_the_documents_order() -> None:
    both = await same(
        """{ first: books(first: 1) { __typename t: title title author { name } }
             first: books(first: 1) { author { born } kind: __typename } }"""
    )
    assert both.compiled.data == {
        "first": [
            {
                "__typename": "Book",
                "t": "Book 1",
                "title": "Book 1",
                "author": {"name": "Ada", "born": 1815},
                "kind": "Book",
            }
        ]
    }
    assert list(both.compiled.data["first"][0]) == ["__typename", "t", "title", "author", "kind"]


async def test_an_error_in_a_nullable_field_nulls_that_field_only() -> None:
    both = await same("{ books(first: 2) { title maybeBroken } }")
    assert both.compiled.data == {
        "books": [
            {"title": "Book 1", "maybeBroken": None},
            {"title": "Book 2", "maybeBroken": None},
        ]
    }
    assert errors_of(both) == [
        ("Book 1 is out of print", ["books", 0, "maybeBroken"]),
        ("Book 2 is out of print", ["books", 1, "maybeBroken"]),
    ]
    errors = both.compiled.errors or []
    assert isinstance(errors[0].original_error, OutOfPrint)
    assert [(loc.line, loc.column) for loc in errors[0].locations or ()] == [(1, 27)]


async def test_a_non_null_error_bubbles_to_the_nearest_nullable_parent() -> None:
    # Book.broken is String!, books is [Book!]!: the error nulls the whole response...
    both = await same("{ books { title broken } }")
    assert both.compiled.data is None
    assert errors_of(both) == [("Book 1 is out of print", ["books", 0, "broken"])]
    # ...while in maybeBooks: [Book] it nulls one item at a time.
    both = await same("{ maybeBooks { title broken } }")
    assert both.compiled.data == {"maybeBooks": [None, None, None, None, None, None]}
    assert [path for _message, path in errors_of(both)] == [
        ["maybeBooks", n, "broken"] for n in range(5)
    ]


async def test_a_null_item_in_a_list_of_non_null_strings_is_an_error() -> None:
    both = await same("{ maybeBooks { strictTags } }")
    # strictTags is [String!]!: the null item nulls the book, a nullable item
    assert both.compiled.data == {
        "maybeBooks": [None, {"strictTags": ["t2"]}, None, {"strictTags": ["t4"]}, None, None]
    }
    assert errors_of(both)[0] == (
        "Cannot return null for non-nullable field Book.strictTags.",
        ["maybeBooks", 0, "strictTags", 1],
    )


async def test_async_errors_and_async_lists() -> None:
    both = await same("{ asyncBooks { title asyncMaybeBroken } maybeBooks { asyncBroken } }")
    # (in the order they happened: the books of maybeBooks are at hand, asyncBooks'
    # resolver awaits first)
    assert [path for _message, path in errors_of(both)] == [
        ["maybeBooks", n, "asyncBroken"] for n in range(5)
    ] + [["asyncBooks", n, "asyncMaybeBroken"] for n in range(5)]
    assert both.compiled.data is not None
    assert both.compiled.data["maybeBooks"] == [None] * 5 + [None]


async def test_awaitable_items_and_async_iterables() -> None:
    both = await same("{ awaitableItems { title } streamedTitles }")
    assert both.compiled.data == {
        "awaitableItems": [{"title": f"Book {n}"} for n in range(1, 6)],
        "streamedTitles": [f"Book {n}" for n in range(1, 6)],
    }


async def test_dataloaders_batch_as_before() -> None:
    both = await same("{ books { title author { name } maybeAuthor { born } } }")
    # One batch for every author of every book, as graphql-core's gather makes it.
    assert both.compiled_context.batches == both.reference_context.batches
    assert both.compiled_context.batches == [["a1", "a2", "missing"]]
    # Book 4's author is missing: Author! nulls the book, the list is [Book!]!...
    assert both.compiled.data is None
    assert errors_of(both) == [
        ("'missing'", ["books", 3, "maybeAuthor"]),
        ("'missing'", ["books", 3, "author"]),
    ]


async def test_interfaces_unions_and_fragments() -> None:
    query = """
        query Find($id: ID!, $term: String!) {
          node(id: $id) { __typename id ... on Book { title ...Rated } ... on Author { name } }
          search(term: $term) {
            __typename
            ... on Node { id }
            ... on Author { name books { title } }
            ...Rated
          }
        }
        fragment Rated on Book { rating genre }
    """
    both = await same(query, {"id": "b3", "term": "a"})
    assert both.compiled.data == {
        "node": {
            "__typename": "Book",
            "id": "b3",
            "title": "Book 3",
            "rating": 1.5,
            "genre": "NOVEL",
        },
        "search": [
            {
                "__typename": "Author",
                "id": "a1",
                "name": "Ada",
                "books": [{"title": "Book 1"}, {"title": "Book 3"}, {"title": "Book 5"}],
            },
            {"__typename": "Author", "id": "a2", "name": "Grace", "books": [{"title": "Book 2"}]},
        ],
    }
    both = await same(query, {"id": "a2", "term": "Book 2"})
    assert both.compiled.data == {
        "node": {"__typename": "Author", "id": "a2", "name": "Grace"},
        "search": [{"__typename": "Book", "id": "b2", "rating": 1.0, "genre": "POETRY"}],
    }


async def test_a_value_of_the_wrong_type_is_refused_by_is_type_of() -> None:
    both = await same("{ maybeBooks { asAuthor { name } } }")
    assert errors_of(both)[0] == (
        "Expected value of type 'Author' but got: 'Book 1'.",
        ["maybeBooks", 0, "asAuthor"],
    )


async def test_leaf_serialization_errors() -> None:
    both = await same("{ maybeBooks { huge } }")
    assert errors_of(both)[0] == (
        "Int cannot represent non 32-bit signed integer value: 1099511627776",
        ["maybeBooks", 0, "huge"],
    )


async def test_skip_and_include_follow_each_requests_variables() -> None:
    query = """query($withYear: Boolean!, $noTitle: Boolean!) {
        books(first: 1) {
          title @skip(if: $noTitle)
          year @include(if: $withYear)
          ... on Book @include(if: $withYear) { rating }
          ...Genre @skip(if: $withYear)
        }
      }
      fragment Genre on Book { genre }"""
    shapes = []
    for with_year in (True, False):
        for no_title in (True, False):
            both = await same(query, {"withYear": with_year, "noTitle": no_title})
            assert both.compiled.data is not None
            shapes.append(list(both.compiled.data["books"][0]))
    assert shapes == [
        ["year", "rating"],
        ["title", "year", "rating"],
        ["genre"],
        ["title", "genre"],
    ]
    assert await same("{ books(first: 1) { title @skip(if: true) genre @include(if: false) } }")


async def test_arguments_literal_default_and_from_variables() -> None:
    both = await same(
        'query($times: Int!) { books(first: 1) { a: shout b: shout(suffix: "?") c: shout(times: $times) } }',
        {"times": 3},
    )
    assert both.compiled.data == {"books": [{"a": "BOOK 1!", "b": "BOOK 1?", "c": "BOOK 1!!!"}]}


async def test_resolvers_read_the_same_info() -> None:
    both = await same(
        "query Report($x: Int = 2) { infoReport(x: $x) { fieldName path parentType returnType variables selected operationName } }"
    )
    assert both.compiled.data == {
        "infoReport": {
            "fieldName": "infoReport",
            "path": ["infoReport"],
            "parentType": "Query",
            "returnType": "InfoReport!",
            "variables": "[('x', 2)]",
            "selected": [
                "fieldName",
                "path",
                "parentType",
                "returnType",
                "variables",
                "selected",
                "operationName",
            ],
            "operationName": "Report",
        }
    }


async def test_graphql_errors_keep_their_extensions() -> None:
    both = await same("{ graphqlError }")
    errors = both.compiled.errors or []
    assert [error.formatted for error in errors] == [
        {
            "message": "refused",
            "locations": [{"line": 1, "column": 3}],
            "path": ["graphqlError"],
            "extensions": {"code": "FORBIDDEN", "why": ["a", "b"]},
        }
    ]


async def test_what_the_plan_refuses_runs_on_graphql_core() -> None:
    for query, reason in (
        ("mutation { rate(rating: 5) { rating } }", "mutation"),
        ("{ __schema { queryType { name } } }", "introspection"),
    ):
        before = stats.fallbacks[reason]
        both = await run_both(query)
        assert stats.fallbacks[reason] == before + 1
        assert differences(both.reference, both.compiled) == []
        assert both.compiled.errors is None


async def test_a_plan_is_compiled_once_per_document_and_condition_values() -> None:
    plans.clear()
    query = "query($skip: Boolean!) { books(first: 1) { title @skip(if: $skip) } }"
    await same(query, {"skip": True})
    await same(query, {"skip": True})
    await same(query, {"skip": False})
    # one document (parsed anew each time here: found by its value), with a plan for
    # each value of its condition variable
    (variants,) = plans.variants()
    assert sorted(variants) == [(False,), (True,)]
