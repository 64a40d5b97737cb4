"""Real geography: kecamatan and desa with their codes, name matching, boundary layers."""
