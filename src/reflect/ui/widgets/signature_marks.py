"""How the screens say whether a kept packet or reply was signed, from its ``signature``
(storage.supervision_keys.signature_state): "checked" when this profile checked it,
"unsigned" (an older Reflect's), or "not_checked_here" when an archive brought it. An archive
keeps no signature, so what it says cannot be checked, and a crafted one can say anything:
such a file is never called signed, nor said to come from an older Reflect."""

from __future__ import annotations

from reflect.ui.i18n import tr


def packet_mark(signature: str) -> str:
    """What follows a packet in the list ("" for one checked here)."""
    if signature == "unsigned":
        return tr("not signed")
    if signature == "not_checked_here":
        return tr("signature not checked here")
    return ""


def packet_tip(signature: str) -> str:
    if signature == "checked":
        return tr("Signed with the signing key first seen from this supervisee.")
    if signature == "not_checked_here":
        return tr(
            "It came in a Reflect archive, which keeps no signature, so it was not checked on "
            "this computer: anyone who has your supervision key could have written it."
        )
    return tr(
        "Not signed (sent by an older Reflect): anyone who has your supervision key could "
        "have written it."
    )


def packet_detail(signature: str) -> str:
    """What the heading of an open packet says about it ("" for one checked here)."""
    if signature == "unsigned":
        return tr("not signed (sent by an older Reflect)")
    if signature == "not_checked_here":
        return tr("signature not checked here (it came in an archive)")
    return ""


def reply_heading(signature: str) -> str:
    """The line above a kept reply, with ``{name}`` to fill."""
    if signature == "checked":
        return tr("Reply from {name} (signed):")
    if signature == "not_checked_here":
        return tr("Reply from {name} (signature not checked here: it came in an archive):")
    return tr("Reply from {name} (not signed: sent by an older Reflect):")


def reply_tip() -> str:
    return tr(
        "A signed reply carries your supervisor's signing key, the same one as their first "
        "signed reply. A reply that is not signed came from an older Reflect, and one that "
        "came in a Reflect archive could not be checked on this computer: anyone who has your "
        "supervision key could have written either."
    )
