"""Column mappings saved under a name: chosen once by hand, offered again for the next week's file.

A profile is the header -> field mapping of one kind of export (e.g. "Ekspor cabang Gianyar"). It is
kept in the store (table header_profile), every save is in the audit log, and the command line
applies one with `--profile NAME`.
"""

from __future__ import annotations

import pandas as pd

from jamsostek.access import privacy
from jamsostek.ingest import headers
from jamsostek.store import db

MAX_NAME = 60


class ProfileError(ValueError):
    """A profile that cannot be saved or found; the message says why, in Indonesian."""


def profiles(con: db.Connection) -> dict[str, dict[str, str]]:
    """Every saved profile: name -> {header: field}."""
    frame = db.run_query(con, "header_profiles")
    return {name: dict(zip(group["header"], group["field"])) for name, group in frame.groupby("name", sort=True)}


def load(con: db.Connection, name: str) -> dict[str, str]:
    """The mapping saved as `name`; ProfileError naming the profiles there are when it does not exist."""
    saved = profiles(con)
    if name not in saved:
        known = ", ".join(f"'{n}'" for n in saved) or "belum ada"
        raise ProfileError(f"Profil kolom '{name}' tidak ada (profil yang tersimpan: {known}). Simpan profil "
                           f"di layar Unggah setelah memetakan kolom.")
    return saved[name]


def save(con: db.Connection, name: str, mapping: dict[str, str], actor: str) -> None:
    """Save (or replace) a profile in one transaction and audit it."""
    name = " ".join(str(name).split())[:MAX_NAME]
    if not name:
        raise ProfileError("Beri nama profil kolom, mis. 'Ekspor BPJS cabang Gianyar'.")
    if unknown := {f for f in mapping.values() if f} - headers.FIELDS:
        raise ProfileError(f"Profil memuat kolom tujuan yang tidak dikenal: {', '.join(sorted(unknown))}.")
    frame = pd.DataFrame({"header": list(mapping), "field": list(mapping.values())}, dtype="str")
    with db.transaction(con):
        db.execute(con, "header_profile_delete", profile=name)
        db.stage(con, "staged_profile", frame)
        db.execute(con, "header_profile_insert", profile=name, saved_by=actor)
        mapped = ", ".join(f"{h}={f or '-'}" for h, f in mapping.items())
        privacy.record_audit(con, actor, privacy.PROFILE_SAVE, f"profil '{name}': {mapped}"[:2000])


def matching(con: db.Connection, header: list[str]) -> list[str]:
    """Names of the profiles made for a file with these headers (each header they map is in the file)."""
    present = set(header)
    return [name for name, mapping in profiles(con).items() if set(mapping) <= present]
