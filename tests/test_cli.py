"""The command line is one parser tree, and every command it has is in the README (and no other)."""

from __future__ import annotations

import re

import pytest

from jamsostek import cli, settings

README = (settings.ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> set[str]:
    tree = cli.parser()
    return set(next(a for a in tree._actions if a.dest == "command").choices)


def test_every_command_is_in_the_readme():
    missing = {name for name in _commands() if f"python -m jamsostek {name}" not in README}
    assert not missing, f"commands not documented in README.md: {sorted(missing)}"


def test_the_readme_names_no_command_that_does_not_exist():
    named = set(re.findall(r"python -m jamsostek ([a-z][a-z-]+)", README))
    assert named <= _commands(), f"README names commands that do not exist: {sorted(named - _commands())}"


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_help_and_runs_something(name, capsys):
    assert cli.main([name, "--help"]) == 0
    assert "usage: python -m jamsostek" in capsys.readouterr().out
    args = None
    for sub in next(a for a in cli.parser()._actions if a.dest == "command").choices.values():
        if sub.prog.endswith(f" {name}"):
            args = sub.get_default("run")
    assert callable(args)


def test_a_usage_error_is_exit_2_not_a_traceback(capsys):
    assert cli.main(["no-such-command"]) == 2
    assert "invalid choice" in capsys.readouterr().err
