"""Write data/reference/desa_pesisir_bali.csv: the desa of Bali whose boundary runs along the sea.

The sasaran estimate puts fishers only in coastal desa. For Gianyar the coastal desa are a sourced list
(jamsostek/sasaran/estimate.py); for the other regencies of the province no list was found, so they are
read off the boundary files (BPS 2020 via OCHA HDX, ../shared/reference/boundaries/bali):

1. all 716 desa polygons are merged into the land of Bali (a 250 m buffer closes the slivers between
   neighbouring files, then is taken off again), in UTM 50S metres;
2. a desa is coastal when more than MIN_COAST_M metres of its boundary lie within 50 m of that land's edge.

Run: python scripts/coastal_desa.py [BOUNDARIES_DIR]   (default ../shared/reference/boundaries/bali)
"""

from __future__ import annotations

import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from jamsostek import settings  # noqa: E402
from jamsostek.geo import boundaries  # noqa: E402

OUT = settings.REFERENCE_DIR / "desa_pesisir_bali.csv"
MIN_COAST_M = 500
SLIVER_M = 250
EDGE_M = 50


def coastal(folder: Path) -> pd.DataFrame:
    """kode_desa and metres of shoreline of every desa with more than MIN_COAST_M of it."""
    files = boundaries.sources("51")["file"]
    shapes = pd.concat([gpd.read_file(folder / f, columns=["village_code"]) for f in files], ignore_index=True)
    shapes = gpd.GeoDataFrame(shapes, geometry="geometry", crs=4326).to_crs(32750)
    land = shapes.geometry.buffer(SLIVER_M).union_all().buffer(-SLIVER_M)
    edge = land.boundary.buffer(EDGE_M)
    shapes["coast_m"] = shapes.geometry.boundary.intersection(edge).length.round().astype(int)
    shapes["kode_bps"] = shapes["village_code"].str.removeprefix("id")
    codes = pd.read_csv(settings.REFERENCE_DIR / "desa_bps_bali.csv", dtype=str)[["kode_desa", "kode_bps"]]
    out = shapes[shapes["coast_m"] > MIN_COAST_M].merge(codes, on="kode_bps", validate="one_to_one")
    return out[["kode_desa", "coast_m"]].sort_values("kode_desa", ignore_index=True)


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else settings.ROOT.parent / "shared/reference/boundaries/bali"
    coastal(folder).to_csv(OUT, index=False, lineterminator="\n")
    print(OUT)
