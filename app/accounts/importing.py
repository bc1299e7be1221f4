"""Importing members from CSV: a dry run that reports every bad row, then all or nothing.

The file has a header row naming its columns (any order, any case): ``username``,
``display name`` (or ``display_name``, ``displayName``, ``name``), ``role``, and
optionally ``password``. A row without a password gets a generated one (temporary: to
change at the first sign-in); the generated credentials come back once, as CSV text in
the payload (``credentialsCsv``), and are stored nowhere else.

The text is read by ``csv.reader`` a row at a time from the capped input (at most
``MAX_BYTES`` and ``MAX_ROWS``). Every row is checked as ``addMember`` would check it,
with the org's password policy; problems carry the row's line number. Nothing is
written when any row has a problem. Passwords are hashed off the event loop in small
batches (``app.core.passwords.hash_many``) with the request's transaction closed, so
neither the loop nor the database's write lock waits for argon2.
"""

from __future__ import annotations

import asyncio
import csv
import io
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from app.access.request import ServiceContext
from app.access.scopes import Role, Scope
from app.accounts import policy
from app.accounts.service import generate_password
from app.audit import service as audit
from app.core.db import begin_write
from app.core.errors import BadUserInput
from app.core.passwords import hash_many
from app.core.spreadsheet import text_cell
from app.core.validation import USERNAME_RE, has_control_characters
from app.members import service as members

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 10_000
MAX_REPORTED_PROBLEMS = 500
DISPLAY_NAME_MAX = 200
_COLUMNS = {
    "username": "username",
    "displayname": "displayName",
    "name": "displayName",
    "role": "role",
    "password": "password",
}
REQUIRED_COLUMNS = ("username", "displayName", "role")
# Rows checked (or passwords generated) between two turns of the event loop: each stretch
# of pure Python stays a few milliseconds, so other requests keep their latency.
ROWS_PER_TURN = 100
CREDENTIALS_HEADER = ("username", "display_name", "role", "password")


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    column: str | None
    code: str
    message: str


@dataclass(slots=True)
class Row:
    line: int
    username: str
    display_name: str
    role: Role
    password: str | None


@dataclass(slots=True)
class Outcome:
    dry_run: bool
    row_count: int = 0
    problems: list[Problem] = field(default_factory=list)
    imported: int = 0
    generated: int = 0
    credentials_csv: str | None = None

    @property
    def valid_rows(self) -> int:
        return self.row_count - len({problem.line for problem in self.problems if problem.line})


def decode(data: bytes) -> str:
    """The file's text (UTF-8, with or without a byte order mark), or BAD_USER_INPUT."""
    if len(data) > MAX_BYTES:
        raise BadUserInput({"file": f"is larger than {MAX_BYTES // 1024 // 1024} MiB"})
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadUserInput({"file": "is not UTF-8 text (save the sheet as CSV UTF-8)"}) from error


def _header(names: list[str]) -> tuple[dict[str, int], list[Problem]]:
    """Column name → index, and what is wrong with the header (line 1)."""
    columns: dict[str, int] = {}
    problems: list[Problem] = []
    for index, raw in enumerate(names):
        key = raw.strip().lower().replace(" ", "").replace("_", "").replace("-", "")
        name = _COLUMNS.get(key)
        if name is None:
            problems.append(Problem(1, raw, "UNKNOWN_COLUMN", f"unknown column '{raw[:40]}'"))
        elif name in columns:
            problems.append(Problem(1, name, "DUPLICATE_COLUMN", f"'{raw[:40]}' twice"))
        else:
            columns[name] = index
    for name in REQUIRED_COLUMNS:
        if name not in columns:
            problems.append(Problem(1, name, "MISSING_COLUMN", f"no '{name}' column"))
    return columns, problems


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each non-blank record; a malformed one raises csv.Error."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    for cells in reader:
        if any(cell.strip() for cell in cells):
            yield reader.line_num, cells


def _check_row(
    sc: ServiceContext,
    line: int,
    cells: list[str],
    columns: dict[str, int],
    rules: policy.Policy,
) -> tuple[Row | None, list[Problem]]:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    problems: list[Problem] = []
    if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
        problems.append(Problem(line, None, "TOO_MANY_CELLS", "more cells than columns"))
    username, display_name, role_text = cell("username").lower(), cell("displayName"), cell("role")
    password = (
        cells[columns["password"]]
        if "password" in columns and columns["password"] < len(cells)
        else ""
    )
    for name, value in (("username", username), ("displayName", display_name), ("role", role_text)):
        if not value:
            problems.append(Problem(line, name, "MISSING_FIELD", f"{name} is empty"))
    if username and not USERNAME_RE.match(username):
        problems.append(
            Problem(
                line,
                "username",
                "INVALID_USERNAME",
                "must be 3-64 characters of a-z, 0-9, '.', '_' or '-', "
                "starting and ending with a letter or digit",
            )
        )
    if display_name and (
        len(display_name) > DISPLAY_NAME_MAX or has_control_characters(display_name)
    ):
        problems.append(
            Problem(
                line,
                "displayName",
                "INVALID_DISPLAY_NAME",
                f"must be at most {DISPLAY_NAME_MAX} characters, without control characters",
            )
        )
    role: Role | None = None
    if role_text:
        try:
            role = Role(role_text.upper())
        except ValueError:
            problems.append(
                Problem(
                    line,
                    "role",
                    "INVALID_ROLE",
                    f"'{role_text[:20]}' is not a role: OWNER, ADMIN, TEACHER or STUDENT",
                )
            )
        else:
            refusal = members.role_refusal(sc, role)
            if refusal:
                problems.append(Problem(line, "role", "ROLE_NOT_ALLOWED", refusal))
    if password:
        refused = policy.refusal(password, rules, username=username)
        if refused:
            problems.append(Problem(line, "password", refused.code, refused.message))
    if problems or role is None:
        return None, problems
    return Row(line, username, display_name, role, password or None), []


async def import_members(
    sc: ServiceContext, org_id: uuid.UUID, text: str, *, dry_run: bool
) -> Outcome:
    """Check every row; unless ``dry_run`` or a row has a problem, add them all."""
    sc.actor.require(Scope.MEMBERS_WRITE, org_id)
    outcome = Outcome(dry_run=dry_run)
    rules = await policy.policy_of(sc, org_id)
    rows: list[Row] = []
    first_line: dict[str, int] = {}
    records = _rows(text)
    try:
        header = next(records, None)
        if header is None:
            raise BadUserInput({"file": "is empty: it needs a header row and member rows"})
        columns, outcome.problems = _header(header[1])
        if outcome.problems:
            return outcome
        for line, cells in records:
            outcome.row_count += 1
            if outcome.row_count % ROWS_PER_TURN == 0:
                await asyncio.sleep(0)
            if outcome.row_count > MAX_ROWS:
                raise BadUserInput({"file": f"has more than {MAX_ROWS:,} rows; split it"})
            row, problems = _check_row(sc, line, cells, columns, rules)
            outcome.problems += problems
            if row is None:
                continue
            if row.username in first_line:
                outcome.problems.append(
                    Problem(
                        line,
                        "username",
                        "DUPLICATE_IN_FILE",
                        f"'{row.username}' is also on line {first_line[row.username]}",
                    )
                )
                continue
            first_line[row.username] = line
            rows.append(row)
    except csv.Error as error:
        raise BadUserInput({"file": f"is not valid CSV: {error}"}) from error
    outcome.problems += await _taken(sc, org_id, rows)
    if outcome.problems or dry_run or not rows:
        outcome.problems.sort(key=lambda problem: problem.line)
        return outcome
    return await _write(sc, org_id, rows, rules, outcome)


async def _taken(sc: ServiceContext, org_id: uuid.UUID, rows: list[Row]) -> list[Problem]:
    taken = await members.taken_usernames(sc, org_id, [row.username for row in rows])
    return [
        Problem(row.line, "username", "USERNAME_TAKEN", f"'{row.username}' is already a member")
        for row in rows
        if row.username in taken
    ]


async def _write(
    sc: ServiceContext, org_id: uuid.UUID, rows: list[Row], rules: policy.Policy, outcome: Outcome
) -> Outcome:
    generated: dict[int, str] = {}
    for row in rows:
        if row.password is None:
            generated[row.line] = generate_password(rules.min_length)
            if len(generated) % ROWS_PER_TURN == 0:
                await asyncio.sleep(0)
    chosen = [row for row in rows if row.password is not None]
    # Hashing takes a while (argon2): the request's transaction is closed meanwhile, so
    # neither a pooled connection nor SQLite's write lock is held, and opened again after.
    await sc.db.rollback()
    chosen_hashes = await hash_many([row.password or "" for row in chosen])
    generated_hashes = await hash_many(list(generated.values()), generated=True)
    hashes = dict(zip([row.line for row in chosen], chosen_hashes, strict=True))
    hashes.update(zip(generated, generated_hashes, strict=True))
    await begin_write(sc.db)
    # Members added meanwhile (another import, addMember) are taken now.
    late = await _taken(sc, org_id, rows)
    if late:
        outcome.problems = late
        return outcome
    await members.add_many(
        sc,
        org_id,
        [
            members.NewMember(
                username=row.username,
                display_name=row.display_name,
                role=row.role,
                password_hash=hashes[row.line],
                must_change_password=row.line in generated,
            )
            for row in rows
        ],
    )
    outcome.imported, outcome.generated = len(rows), len(generated)
    outcome.credentials_csv = _credentials(rows, generated) if generated else None
    roles = Counter(row.role.value for row in rows)
    await audit.record(
        sc,
        "member.imported",
        target_type="Organization",
        target_id=org_id,
        org_id=org_id,
        details={"count": len(rows), "roles": dict(roles), "generatedPasswords": len(generated)},
    )
    return outcome


def _credentials(rows: list[Row], generated: dict[int, str]) -> str:
    """The generated credentials, as CSV (the rows whose password was generated). The
    names are the file's own text, so a spreadsheet shows them as text (``text_cell``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CREDENTIALS_HEADER)
    for row in rows:
        if row.line in generated:
            writer.writerow(
                [
                    text_cell(row.username),
                    text_cell(row.display_name),
                    row.role.value,
                    generated[row.line],
                ]
            )
    return out.getvalue()
