"""``reflect check``'s comparison of the search index with the reflections, and its repair.

A reflection the index has lost is still stored but no search finds it: hidden. The check
is the full one (every word of every reflection, storage/search_index.py); the repair is
a rebuild from the reflections, which loses nothing. A writer's session has already made
the quick comparison when it opened the profile (services/profiles.py) and rebuilt the
index if that found a problem; what it found is reported here as repaired.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reflect.domain.message import Message

if TYPE_CHECKING:
    from reflect.services.session import Session


def check_search_index(session: Session, *, rebuild: bool = False) -> dict[str, Any]:
    """``{"problems", "reflections", "indexed", "rebuilt", "repaired"}``.

    ``problems``: what is wrong now (empty when search finds every reflection);
    ``repaired``: what a rebuild in this run fixed (on opening, or asked by ``rebuild``,
    which needs a session holding the writer lock); ``rebuilt``: whether one ran.
    """
    from reflect.storage import search_index

    conn = session.db.conn
    repaired = [str(p) for p in session.search_index_repaired]
    rebuilt = bool(repaired)
    state = search_index.problems(conn)
    if rebuild and state.problems:
        if session.writer_lock is None:
            raise RuntimeError("rebuilding the search index needs the writer lock")
        from reflect.storage.failures import translated

        with translated(session.profile.directory):
            search_index.rebuild(session.db)
        repaired += [str(p) for p in state.problems]
        rebuilt = True
        state = search_index.problems(conn)
    return {
        "problems": [str(p) for p in state.problems],
        "reflections": state.reflections,
        "indexed": state.indexed,
        "rebuilt": rebuilt,
        "repaired": repaired,
    }


def search_index_warning(conn: Any) -> tuple[list[str], Message | None]:
    """For a search by a reader (which may not rebuild): the quick comparison's problems
    and, when there are any, the sentence that says results may be missing and what to do.
    About 2 ms for 10,000 reflections."""
    from reflect.storage.search_index import quick_problems

    try:
        found = quick_problems(conn).problems
    except Exception:  # noqa: BLE001 - a damaged page: the search itself will say
        return [], None
    if not found:
        return [], None
    warning = Message(
        "The search index disagrees with your reflections ({problems}), so some may be "
        "missing from these results. Run 'reflect check --rebuild-index' to rebuild it "
        "from them; nothing is lost.",
        problems="; ".join(str(p) for p in found),
    )
    return [str(p) for p in found], warning
