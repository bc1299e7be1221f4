"""Standard competition ranking (1, 2, 2, 4) over rows already in board order."""

from __future__ import annotations

from collections.abc import Hashable, Sequence


def competition_ranks(keys: Sequence[Hashable], first_rank: int, first_position: int) -> list[int]:
    """Ranks for consecutive rows whose ranking keys are ``keys``.

    ``first_rank`` is the rank of the first row (1 + rows strictly better than it) and
    ``first_position`` its 1-based position on the whole board; a row whose key differs
    from the row before it takes its own position as rank.
    """
    ranks: list[int] = []
    for index, key in enumerate(keys):
        if index == 0:
            ranks.append(first_rank)
        elif key == keys[index - 1]:
            ranks.append(ranks[-1])
        else:
            ranks.append(first_position + index)
    return ranks
