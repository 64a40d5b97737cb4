"""The label catalogue, one module per area; merged into jamsostek.i18n.LABELS."""
