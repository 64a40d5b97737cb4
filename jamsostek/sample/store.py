"""The sample store: built from the shipped sample (data/sample) on first run, so the app starts on it.

Reference data and the sasaran estimate, the sample extracts through the real ingest, then the synthetic
usulan round (sample/usulan.py), verified against the participants just loaded.
"""

from __future__ import annotations

import os
from pathlib import Path

from jamsostek import settings
from jamsostek.ingest import load as ingest
from jamsostek.sample import usulan
from jamsostek.store import db


def build_sample_store(path: Path) -> list[ingest.IngestResult]:
    """Create a store at `path` from the shipped sample (reference data, sasaran, extracts, usulan round)."""
    con = db.connect(path)
    try:
        # The estimate of the region served: in province mode all 9 regencies get a sasaran, while the
        # sample's participants stay in Gianyar.
        ingest.load_reference(con)
        results = [ingest.ingest_file(con, settings.SAMPLE_DIR / name, loaded_by="sample", is_sample=True)
                   for name in ingest.SAMPLE_FILES]
        usulan.build(con)  # verified against the participants just loaded
        return results
    finally:
        con.close()


def ensure_store(path: Path | None = None) -> Path:
    """The store's path, building it from the shipped sample on first run (atomically)."""
    path = Path(path or settings.db_path())
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f"{path.name}.building-{os.getpid()}")
    building.unlink(missing_ok=True)
    build_sample_store(building)
    building.replace(path)
    return path
