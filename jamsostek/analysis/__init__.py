"""The figures the pages show: filters, coverage metrics, charts and maps (Ringkasan, Peta, Sektor, Tren)."""
