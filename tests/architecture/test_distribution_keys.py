"""Every tenant table can be distributed by ``org_id`` (Citus), or is a named gap.

docs/scaling.md has the plan: tables with an ``org_id`` column are distributed by it
and co-located; the few tables without one are reference tables (copied to every
node). Citus then requires, of each distributed table (checked here on the SQLAlchemy
metadata of app/tables.py, so a new table is checked the moment it is imported there):

1. ``org_id`` is NOT NULL (a row's node is found from it);
2. the primary key, and every unique constraint or unique index, includes ``org_id``
   (uniqueness is only enforced within a node);
3. a foreign key to another distributed table includes ``org_id`` on both sides
   (``(org_id, quiz_id) -> quizzes (org_id, id)``), so the two rows live together; one
   to a reference table (``org_id -> organizations.id``) needs nothing more.

And a reference table has no foreign key to a distributed table.

Today's tables were made before this plan and miss rule 2 or 3: each is listed in
``KNOWN_GAPS`` with its reason (and in docs/scaling.md's table of gaps), so the list
can only shrink, and a new table must follow the rules or be listed, on purpose.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from app.tables import metadata

DISTRIBUTION_COLUMN = "org_id"
SCALING_DOC = Path(__file__).resolve().parents[2] / "docs" / "scaling.md"

# Tables without org_id, replicated to every node: small, read on every request,
# rarely written.
REFERENCE_TABLES: dict[str, str] = {
    "organizations": (
        "the tenants themselves, looked up by slug before the org is known (login, "
        "organization(slug:)); small; its per-org hot counter (audit_seq) moves to a "
        "distributed table first (docs/scaling.md, step 2)"
    ),
    "platform_admins": "staff accounts, across orgs; a handful of rows",
    "platform_admin_sessions": "staff sessions, found by token before any org is involved",
    "platform_admin_totp": "staff accounts' second factor; one row per platform admin",
    "platform_audit_events": (
        "staff actions across orgs (org_id names the affected org, NULL for platform-wide "
        "ones): read by staff only, written once per staff action"
    ),
    "persisted_queries": (
        "content-addressed GraphQL documents shared by every org; written once per new "
        "document, read on every persisted-query request"
    ),
}

# Each reason: why the table is not ready (when there is more to it than history), then
# what lacks org_id. docs/scaling.md's table of gaps says the same.
KNOWN_GAPS: dict[str, str] = {
    "analytics_member_days": (
        "without org_id: primary key (member_id, day), foreign key (member_id) -> members"
    ),
    "analytics_option_days": (
        "without org_id: primary key (option_id, day, first_attempt), foreign key "
        "(option_id) -> quiz_options, foreign key (quiz_id) -> quizzes"
    ),
    "analytics_question_days": (
        "without org_id: primary key (question_id, day, first_attempt), foreign key "
        "(quiz_id) -> quizzes, foreign key (question_id) -> quiz_questions"
    ),
    "analytics_score_days": (
        "without org_id: primary key (quiz_id, day, first_attempt, score), foreign key "
        "(quiz_id) -> quizzes"
    ),
    "api_keys": (
        "platform keys have no org (they move to a reference table of their own) and "
        "the door finds a key by its secret hash alone (a reference table of key "
        "hashes, step 3); org_id is nullable; without org_id: primary key (id), unique "
        "(secret_hash), foreign key (created_by_id) -> members"
    ),
    "attempt_answers": (
        "without org_id: primary key (id), unique (attempt_id, question_id), foreign "
        "key (attempt_id) -> attempts, foreign key (question_id) -> quiz_questions"
    ),
    "attempts": (
        "without org_id: primary key (id), foreign key (quiz_id) -> quizzes, foreign "
        "key (member_id) -> members"
    ),
    "audit_events": (
        "the org's hash chain needs only (org_id, seq); the surrogate id is the key; "
        "without org_id: primary key (id)"
    ),
    "certificates": (
        "verified publicly by code before the org is known (a reference table of codes, "
        "step 3); without org_id: primary key (id), unique (code), unique (quiz_id, "
        "member_id), unique (tournament_id, member_id), foreign key (member_id) -> "
        "members, foreign key (attempt_id) -> attempts, foreign key (quiz_id) -> "
        "quizzes, foreign key (revoked_by_id) -> members"
    ),
    "integrity_attempts": (
        "without org_id: primary key (id), unique (attempt_id), foreign key (quiz_id) "
        "-> quizzes, foreign key (attempt_id) -> attempts, foreign key (reviewed_by_id) "
        "-> members, foreign key (member_id) -> members"
    ),
    "integrity_events": (
        "without org_id: primary key (id), foreign key (attempt_id) -> attempts, "
        "foreign key (member_id) -> members"
    ),
    "integrity_rules": ("without org_id: primary key (id), foreign key (updated_by_id) -> members"),
    "leaderboard_daily_bests": (
        "without org_id: primary key (quiz_id, member_id, day), foreign key (quiz_id) "
        "-> quizzes, foreign key (member_id) -> members"
    ),
    "leaderboard_results": (
        "without org_id: primary key (id), unique (attempt_id), foreign key "
        "(attempt_id) -> attempts, foreign key (quiz_id) -> quizzes, foreign key "
        "(member_id) -> members"
    ),
    "leaderboard_window_pending": ("without org_id: foreign key (member_id) -> members"),
    "member_sessions": (
        "the door finds a session by its token hash alone (the org goes into the "
        "cookie, step 3); without org_id: primary key (id), unique (token_hash), "
        "foreign key (member_id) -> members"
    ),
    "members": ("without org_id: primary key (id)"),
    "password_reset_links": (
        "a reset link is found by its token hash alone (its holder has no org yet); "
        "without org_id: primary key (id), unique (token_hash), foreign key (member_id) "
        "-> members"
    ),
    "notification_reads": (
        "without org_id: primary key (notification_id, member_id), foreign key "
        "(notification_id) -> notifications, foreign key (member_id) -> members"
    ),
    "notifications": ("without org_id: primary key (id), foreign key (recipient_id) -> members"),
    "org_standings": ("without org_id: primary key (id), foreign key (member_id) -> members"),
    "org_window_standings": ("without org_id: foreign key (member_id) -> members"),
    "payments": ("without org_id: primary key (id), foreign key (member_id) -> members"),
    "quiz_options": (
        "without org_id: primary key (id), foreign key (quiz_id) -> quizzes, foreign "
        "key (question_id) -> quiz_questions"
    ),
    "quiz_questions": ("without org_id: primary key (id), foreign key (quiz_id) -> quizzes"),
    "quiz_score_counts": (
        "without org_id: primary key (quiz_id, window_days, score), foreign key "
        "(quiz_id) -> quizzes"
    ),
    "quiz_standings": (
        "without org_id: primary key (id), unique (quiz_id, member_id), foreign key "
        "(quiz_id) -> quizzes, foreign key (member_id) -> members"
    ),
    "quiz_window_standings": (
        "without org_id: primary key (quiz_id, window_days, member_id), foreign key "
        "(quiz_id) -> quizzes, foreign key (member_id) -> members"
    ),
    "quizzes": ("without org_id: primary key (id), foreign key (created_by_id) -> members"),
    "tournament_entrants": "without org_id: primary key (tournament_id, member_id), foreign keys (tournament_id) -> tournaments and (member_id) -> members",
    "tournament_rounds": "without org_id: primary key (tournament_id, position), unique (tournament_id, quiz_id), foreign keys (tournament_id) -> tournaments and (quiz_id) -> quizzes",
    "tournament_scores": "without org_id: primary key (tournament_id, member_id, quiz_id), foreign keys to tournaments, quizzes and members",
    "tournament_standings": "without org_id: primary key (tournament_id, member_id), foreign keys (tournament_id) -> tournaments and (member_id) -> members",
    "tournaments": "without org_id: primary key (id), foreign key (created_by_id) -> members",
    "webhook_deliveries": (
        "platform deliveries have no org; org_id is nullable; without org_id: primary "
        "key (id), foreign key (endpoint_id) -> webhook_endpoints, foreign key "
        "(message_id) -> webhook_messages"
    ),
    "webhook_delivery_attempts": (
        "platform deliveries have no org; org_id is nullable; without org_id: primary "
        "key (id), foreign key (delivery_id) -> webhook_deliveries"
    ),
    "webhook_endpoints": (
        "platform endpoints have no org (they move to reference tables of their own, "
        "with their messages, deliveries and attempts); org_id is nullable; without "
        "org_id: primary key (id), foreign key (created_by_id) -> members"
    ),
    "webhook_messages": (
        "platform events have no org; public_id is unique across orgs; org_id is "
        "nullable; without org_id: primary key (id), unique (public_id)"
    ),
}


def is_distributed(table: sa.Table) -> bool:
    """A tenant table: it has org_id and is not named a reference table."""
    return table.name not in REFERENCE_TABLES and DISTRIBUTION_COLUMN in table.c


def problems_of(table: sa.Table) -> list[str]:
    """What keeps ``table`` from being distributed by org_id (or, for a table without
    org_id, from being a reference table); empty when nothing does."""
    if not is_distributed(table):
        if table.name not in REFERENCE_TABLES:
            return [
                "has no org_id: give it one (a tenant's rows), or name it in "
                "REFERENCE_TABLES with the reason it belongs on every node"
            ]
        return [
            f"reference table with a foreign key to distributed {fk.referred_table.name}"
            for fk in table.foreign_key_constraints
            if is_distributed(fk.referred_table)
        ]
    found = []
    if table.c[DISTRIBUTION_COLUMN].nullable:
        found.append("org_id is nullable")
    if DISTRIBUTION_COLUMN not in table.primary_key.columns:
        pk = ", ".join(column.name for column in table.primary_key.columns)
        found.append(f"primary key ({pk}) lacks org_id")
    for columns in _unique_column_sets(table):
        if DISTRIBUTION_COLUMN not in columns:
            found.append(f"unique ({', '.join(columns)}) lacks org_id")
    for fk in table.foreign_key_constraints:
        if not _co_located(fk):
            local = ", ".join(column.name for column in fk.columns)
            found.append(f"foreign key ({local}) -> {fk.referred_table.name} lacks org_id")
    return found


def _unique_column_sets(table: sa.Table) -> list[tuple[str, ...]]:
    """Unique constraints, unique indexes and ``unique=True`` columns, each set once."""
    sets = [
        tuple(column.name for column in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, sa.UniqueConstraint)
    ]
    sets += [
        tuple(column.name for column in index.columns) for index in table.indexes if index.unique
    ]
    sets += [(column.name,) for column in table.columns if column.unique]
    return list(dict.fromkeys(sets))


def _co_located(fk: sa.ForeignKeyConstraint) -> bool:
    """A key to a reference table is fine; one to a distributed table must pair the
    two org_ids, so both rows are on the same node."""
    if not is_distributed(fk.referred_table):
        return True
    return any(
        element.parent.name == DISTRIBUTION_COLUMN and element.column.name == DISTRIBUTION_COLUMN
        for element in fk.elements
    )


def current_problems() -> dict[str, list[str]]:
    return {table.name: found for table in metadata.sorted_tables if (found := problems_of(table))}


def test_every_table_is_distributable_by_org_id_or_a_named_gap() -> None:
    problems = current_problems()
    unexplained = {name: found for name, found in problems.items() if name not in KNOWN_GAPS}
    assert not unexplained, (
        "These tables can't be distributed by org_id (docs/scaling.md):\n"
        + "".join(f"  {name}: {'; '.join(found)}\n" for name, found in unexplained.items())
        + "Fix the table: org_id NOT NULL, in the primary key (org_id, id) and in every "
        "unique constraint, and foreign keys to tenant tables as (org_id, x_id) -> "
        "(org_id, id). If that can't be done now, add it to KNOWN_GAPS in "
        "tests/architecture/test_distribution_keys.py with the reason, and to the gaps "
        "table of docs/scaling.md."
    )


def test_known_gaps_are_still_gaps() -> None:
    tables = {table.name for table in metadata.sorted_tables}
    problems = current_problems()
    gone = sorted(name for name in KNOWN_GAPS if name not in tables)
    closed = sorted(name for name in KNOWN_GAPS if name in tables and name not in problems)
    assert not gone, f"KNOWN_GAPS names tables that no longer exist: {gone}"
    assert not closed, (
        f"{closed} now meet the rules: remove them from KNOWN_GAPS and from the gaps table "
        "of docs/scaling.md"
    )


def test_the_plan_names_every_reference_table_and_gap() -> None:
    plan = SCALING_DOC.read_text()
    missing = sorted(name for name in [*REFERENCE_TABLES, *KNOWN_GAPS] if f"`{name}`" not in plan)
    assert not missing, f"docs/scaling.md doesn't name {missing}"


def test_the_check_sees_each_kind_of_problem() -> None:
    # given tables that break each rule, in a metadata of their own
    scratch = sa.MetaData()
    sa.Table("organizations", scratch, sa.Column("id", sa.Integer, primary_key=True))
    sa.Table(
        "good_parents",
        scratch,
        sa.Column("org_id", sa.ForeignKey("organizations.id"), primary_key=True),
        sa.Column("id", sa.Integer, primary_key=True),
    )
    good = sa.Table(
        "good_children",
        scratch,
        sa.Column("org_id", sa.ForeignKey("organizations.id"), primary_key=True),
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("parent_id", sa.Integer, nullable=False),
        sa.Column("code", sa.String),
        sa.ForeignKeyConstraint(
            ["org_id", "parent_id"], ["good_parents.org_id", "good_parents.id"]
        ),
        sa.UniqueConstraint("org_id", "code"),
    )
    bad = sa.Table(
        "bad_children",
        scratch,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("org_id", sa.Integer, nullable=True),
        sa.Column("parent_id", sa.Integer),
        sa.Column("token", sa.String, unique=True),
        sa.ForeignKeyConstraint(
            ["parent_id", "org_id"], ["good_parents.id", "good_parents.org_id"]
        ),
        sa.ForeignKeyConstraint(["parent_id"], ["good_children.id"]),
    )
    loose = sa.Table("loose", scratch, sa.Column("id", sa.Integer, primary_key=True))
    # then only the bad ones are reported, each problem by name
    assert problems_of(good) == []
    assert problems_of(bad) == [
        "org_id is nullable",
        "primary key (id) lacks org_id",
        "unique (token) lacks org_id",
        "foreign key (parent_id) -> good_children lacks org_id",
    ]
    assert problems_of(loose)[0].startswith("has no org_id")
