"""The words a packet uses for a degree, a setting and its verification, in its HTML and its PDF alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casekit.hours.storage.models import DEGREE_FIELDS, SETTINGS

if TYPE_CHECKING:
    from casekit.hours.views.packet import Packet


def degree_words(person: dict) -> str:
    """``bachelor's in social work`` from a person record (as the signed log carries it)."""
    level, fld = person.get("degree_level"), person.get("degree_field")
    if not level or level == "none":
        return "not recorded"
    return f"{level}'s in {DEGREE_FIELDS.get(str(fld), fld or 'a field not recorded')}".replace("doctorate's", "doctorate")


def setting_words(code: str) -> str:
    return SETTINGS.get(code, code).split(" (")[0]


def verification_line(p: Packet) -> str:
    v = p.verification
    if v.ok:
        return (f"Verified: all {v.approved_verified:,} approvals carry a valid signature by the entry's supervisor, "
                f"and the audit chain is intact (head seq {v.head[0]}, {v.head[1][:16]}).")
    return (f"VERIFICATION FAILED: {len(v.failures):,} problem(s); entries that fail are left out of every figure "
            "here. Run casekit hours verify for the list.")
