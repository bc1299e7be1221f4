"""The committed schema.graphql is what the code prints."""

from pathlib import Path

from app.schema import print_schema

ROOT = Path(__file__).resolve().parents[2]


def test_schema_file_matches_the_code() -> None:
    committed = (ROOT / "schema.graphql").read_text()
    assert committed == print_schema(), "schema.graphql drifted: run `make schema`"


def test_every_field_argument_and_input_has_a_description() -> None:
    from app.schema import schema

    missing: list[str] = []
    for type_name, graphql_type in schema._schema.type_map.items():
        if type_name.startswith("__") or not hasattr(graphql_type, "fields"):
            continue
        if type_name.endswith(("Edge", "Payload")) or type_name == "PageInfo":
            continue
        for field_name, field in graphql_type.fields.items():
            if not field.description:
                missing.append(f"{type_name}.{field_name}")
            for arg_name, arg in getattr(field, "args", {}).items():
                if not arg.description:
                    missing.append(f"{type_name}.{field_name}({arg_name})")
    assert missing == []
