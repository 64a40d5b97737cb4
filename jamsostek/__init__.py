"""Coverage analytics for BPJS Ketenagakerjaan protection of vulnerable workers in Gianyar."""
