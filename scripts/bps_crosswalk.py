"""Write data/reference/desa_bps_bali.csv: the BPS 2020 village code of each of Bali's 716 desa.

The boundary files (BPS 2020, via OCHA HDX) use BPS codes such as 5101020019; the app keys everything
by Kemendagri codes (51.01.01.1006). The two code lists number kecamatan and desa differently, so the
crosswalk goes through names, step by step:

1. regency: the 4-digit BPS regency code equals the Kemendagri kabupaten code (5104 = 51.04) in Bali;
2. kecamatan: same normalised name inside the regency (all 57 match);
3. desa: same normalised name inside the kecamatan (`match` = exact);
4. the desa left over in a kecamatan are paired by closest spelling (difflib ratio): `match` = spelling
   when the names are close (ratio >= 0.7, or one contains the other: "Dajan Puri" / "Marga Dajan Puri"),
   otherwise `match` = elimination (the only pair left; the names differ and the pairing is unverified).

Run: python scripts/bps_crosswalk.py [BOUNDARIES_DIR]   (default ../shared/reference/boundaries/bali)
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from jamsostek import settings  # noqa: E402
from jamsostek.geo import boundaries  # noqa: E402
from jamsostek.geo import wilayah  # noqa: E402

OUT = settings.REFERENCE_DIR / "desa_bps_bali.csv"
CLOSE_RATIO = 0.7


def upstream_desa(folder: Path) -> pd.DataFrame:
    """kode_bps, nama_bps, kecamatan key and kabupaten code of every upstream polygon (no geometry)."""
    files = boundaries.sources("51")["file"]
    frame = pd.concat([gpd.read_file(folder / f, columns=["regency_code", "district", "village_code", "village"],
                                     read_geometry=False) for f in files], ignore_index=True)
    return pd.DataFrame({
        "kode_bps": frame["village_code"].str.removeprefix("id"), "nama_bps": frame["village"],
        "kode_kabupaten": frame["regency_code"].str[2:4] + "." + frame["regency_code"].str[4:6],
        "kec_key": frame["district"].map(wilayah.normalise), "desa_key": frame["village"].map(wilayah.normalise),
    })


def crosswalk(folder: Path) -> pd.DataFrame:
    """kode_desa, desa, kode_bps, nama_bps, match for every desa of Bali (raises if a step is not 1:1)."""
    ref = wilayah.load_wilayah("51").assign(kec_key=lambda f: f["kecamatan"].map(wilayah.normalise),
                                             desa_key=lambda f: f["desa"].map(wilayah.normalise))
    bps = upstream_desa(folder).merge(ref[["kode_kabupaten", "kec_key", "kode_kecamatan"]].drop_duplicates(),
                                      on=["kode_kabupaten", "kec_key"], how="left")
    if bps["kode_kecamatan"].isna().any():
        raise ValueError(f"kecamatan without a Kemendagri match: {sorted(bps.loc[bps['kode_kecamatan'].isna(), 'kec_key'].unique())}")
    exact = ref.merge(bps[["kode_kecamatan", "desa_key", "kode_bps", "nama_bps"]], on=["kode_kecamatan", "desa_key"])
    exact["match"] = "exact"
    rows = [exact]
    left_ref = ref[~ref["kode_desa"].isin(exact["kode_desa"])]
    left_bps = bps[~bps["kode_bps"].isin(exact["kode_bps"])]
    for kode_kecamatan, group in left_ref.groupby("kode_kecamatan"):
        rows.append(_pair(group, left_bps[left_bps["kode_kecamatan"] == kode_kecamatan]))
    out = pd.concat(rows, ignore_index=True)[["kode_desa", "desa", "kode_bps", "nama_bps", "match"]]
    if len(out) != len(ref) or not out["kode_bps"].is_unique or out["kode_bps"].isna().any():
        raise ValueError("crosswalk is not one to one")
    return out.sort_values("kode_desa").reset_index(drop=True)


def _pair(ref: pd.DataFrame, bps: pd.DataFrame) -> pd.DataFrame:
    # Greedy by best ratio: the few leftovers per kecamatan (at most 3) make anything cleverer pointless.
    if len(ref) != len(bps):
        raise ValueError(f"{ref['kode_kecamatan'].iloc[0]}: {len(ref)} desa left vs {len(bps)} BPS villages")
    scores = sorted(((difflib.SequenceMatcher(None, a.desa_key, b.desa_key).ratio(), i, j)
                     for i, a in enumerate(ref.itertuples()) for j, b in enumerate(bps.itertuples())), reverse=True)
    used_i, used_j, pairs = set(), set(), []
    for ratio, i, j in scores:
        if i in used_i or j in used_j:
            continue
        used_i.add(i), used_j.add(j)
        a, b = ref.iloc[i], bps.iloc[j]
        close = ratio >= CLOSE_RATIO or a["desa_key"] in b["desa_key"] or b["desa_key"] in a["desa_key"]
        pairs.append({"kode_desa": a["kode_desa"], "desa": a["desa"], "kode_bps": b["kode_bps"],
                      "nama_bps": b["nama_bps"], "match": "spelling" if close else "elimination"})
    return pd.DataFrame(pairs)


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else settings.ROOT.parent / "shared/reference/boundaries/bali"
    table = crosswalk(folder)
    table.to_csv(OUT, index=False, lineterminator="\n")
    print(OUT, table["match"].value_counts().to_dict())
    print(table[table["match"] != "exact"].to_string(index=False))
