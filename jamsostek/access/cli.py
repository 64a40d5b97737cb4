"""`python -m jamsostek add-admin`: accounts (argon2 hashes in secrets.toml)."""

from __future__ import annotations

import argparse

from jamsostek.access import accounts


def register(commands: argparse._SubParsersAction) -> None:
    """Add the add-admin command."""
    p = commands.add_parser("add-admin", help="add or update a sign-in (argon2 hash in secrets.toml)",
                            description=accounts.DESCRIPTION)
    accounts.add_arguments(p)
    p.set_defaults(run=lambda args: accounts.run_add_admin(args))
