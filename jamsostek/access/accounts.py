"""Accounts of every role: write argon2 hashes into secrets.toml (never a password) and the add-admin command."""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
import tempfile
import tomllib
from pathlib import Path

from jamsostek.access import auth
from jamsostek.access import roles

TABLES = {role: table for role, (table, _) in auth.TABLES.items()}
ROLE_HELP = ("admin (default): data officer, uploads, batches, detail · notulis: meetings and actions · "
             "perencana: budget scenarios · pengusul: candidate lists · viewer: reads "
             "(for JAMSOSTEK_REQUIRE_VIEWER_SIGNIN)")


def check_new_credentials(username: str, password: str) -> None:
    """Raise ValueError (Indonesian / English) when a new username or password is not acceptable."""
    if not isinstance(username, str) or not auth.USERNAME.match(username):
        raise ValueError("Nama pengguna harus 3-32 karakter a-z 0-9 . _ - / "
                         "Username must be 3-32 characters a-z 0-9 . _ -")
    if not isinstance(password, str) or not auth.MIN_PASSWORD_CHARS <= len(password) <= auth.MAX_PASSWORD_CHARS:
        raise ValueError(f"Kata sandi minimal {auth.MIN_PASSWORD_CHARS} karakter / "
                         f"Password must have at least {auth.MIN_PASSWORD_CHARS} characters")
    if password.strip().lower() == username or len(set(password)) < 4:
        raise ValueError("Kata sandi terlalu mudah ditebak / Password is too easy to guess")


def _upsert_toml(text: str, table: str, key: str, value: str) -> str:
    # Edit the text rather than re-serialise it so comments and other tables stay as they were.
    lines, entry = text.splitlines(), f'"{key}" = "{value}"'
    header = re.compile(rf'^\s*\[\s*"?{table}"?\s*\]\s*(#.*)?$')
    start = next((i for i, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        lines += ([""] if lines and lines[-1].strip() else []) + [f"[{table}]", entry]
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")), len(lines))
        same_key = re.compile(rf"""^\s*(["']?){re.escape(key)}\1\s*=""")
        hit = next((i for i in range(start + 1, end) if same_key.match(lines[i])), None)
        if hit is not None:
            lines[hit] = entry
        else:
            lines.insert(max(i for i in range(start, end) if lines[i].strip()) + 1, entry)
    new_text = "\n".join(lines) + "\n"
    try:
        ok = tomllib.loads(new_text).get(table, {}).get(key) == value
    except tomllib.TOMLDecodeError:
        ok = False
    if not ok:
        raise ValueError(f"Berkas secrets tidak dapat diperbarui dengan aman; sunting [{table}] secara manual / "
                         f"could not update the secrets file safely; edit its [{table}] table by hand")
    return new_text


def add_user(username: str, password: str, role: str = auth.ADMIN, secrets_path: Path | None = None) -> Path:
    """Validate, hash and write a user into its role's table of secrets.toml; file mode 0600."""
    check_new_credentials(username, password)
    path = Path(secrets_path or auth.DEFAULT_SECRETS)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    new_text = _upsert_toml(text, TABLES[role], username, auth.hash_password(password))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".secrets-")  # created 0600
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(new_text)
    os.replace(tmp, path)
    os.chmod(path, 0o600)
    return path


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The add-admin command's arguments."""
    parser.add_argument("username", help="3-32 characters a-z 0-9 . _ -")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the password from the first line of standard input (for scripts)")
    parser.add_argument("--role", choices=roles.ROLES, default=auth.ADMIN, help=ROLE_HELP)
    parser.add_argument("--secrets", type=Path, default=None,
                        help=f"secrets file to update (default {auth.DEFAULT_SECRETS})")
    parser.add_argument("--print-env", action="store_true",
                        help="print a 'user:hash' entry for the role's variable (JAMSOSTEK_ADMINS, "
                             "JAMSOSTEK_NOTULIS, ...) instead of writing the file")
    return parser


def _read_password(args: argparse.Namespace, stdin, stderr) -> str | None:
    if args.password_stdin:
        return stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Kata sandi / Password: ")
    if first != getpass.getpass("Ulangi / Repeat: "):
        print("Kata sandi tidak sama / Passwords do not match", file=stderr)
        return None
    return first


DESCRIPTION = ("Tambah/ubah akun: simpan hash argon2 kata sandi di .streamlit/secrets.toml. "
               "Add or update an account: stores the argon2 hash of its password in .streamlit/secrets.toml.")


def add_admin_cli(argv: list[str], stdin=None, stdout=None, stderr=None) -> int:
    """Run the add-admin command (argv without the command name); returns the exit code."""
    try:
        args = add_arguments(argparse.ArgumentParser(prog="python -m jamsostek add-admin",
                                                     description=DESCRIPTION)).parse_args(argv)
    except SystemExit as stop:  # argparse exits on --help and on usage errors
        return int(stop.code or 0)
    return run_add_admin(args, stdin, stdout, stderr)


def run_add_admin(args: argparse.Namespace, stdin=None, stdout=None, stderr=None) -> int:
    """Ask for the password and store the account; 1 when it cannot be stored."""
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    password = _read_password(args, stdin, stderr)
    if password is None:
        return 1
    try:
        check_new_credentials(args.username, password)
        if args.print_env:
            env_var = auth.TABLES[args.role][1]
            print(f"{args.username}:{auth.hash_password(password)}", file=stdout)
            print(f"Tambahkan ke / add to {env_var} (pisahkan dengan ';' / separate entries with ';'; "
                  "kutip tunggal di shell / single-quote in a shell)", file=stderr)
            return 0
        path = add_user(args.username, password, args.role, args.secrets)
    except (ValueError, OSError) as err:
        print(str(err), file=stderr)
        return 1
    print(f"Disimpan / saved: {args.role} '{args.username}' -> {path}", file=stdout)
    return 0
