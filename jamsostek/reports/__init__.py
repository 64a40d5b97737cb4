"""Printable documents built from the store: evidence PDF, workbook, meeting card, desa sheets."""
