"""deploy/: the systemd units and the nginx site are valid, and say what the README promises (fast checks;
the running deployment is tested in tests/browser/test_office_journey.py and tests/test_no_outbound.py)."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys

import pytest

from jamsostek import cli, settings
from tests import office

SYSTEMD = office.DEPLOY / "systemd"
BACKUP_UNIT, TIMER = SYSTEMD / "jamsostek-backup.service", SYSTEMD / "jamsostek-backup.timer"


def test_the_units_pass_systemd_analyze_verify(tmp_path):
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed")
    for unit in SYSTEMD.iterdir():  # installed paths swapped for this checkout, so the commands exist
        text = unit.read_text().replace(f"{office.INSTALLED}/.venv/bin/python", sys.executable)
        (tmp_path / unit.name).write_text(text.replace(office.INSTALLED, str(settings.ROOT)))
    (tmp_path / "jamsostek@8501.service").write_text((tmp_path / "jamsostek@.service").read_text())
    names = ["jamsostek@8501.service", "jamsostek.target", BACKUP_UNIT.name, TIMER.name]
    result = subprocess.run(["systemd-analyze", "verify", *names], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_a_replica_listens_on_loopback_without_file_watching_and_may_reach_nothing_else():
    command = office.replica_command(8501)
    flags = dict(zip(command[5::2], command[6::2]))  # python -m streamlit run dashboard.py --flag value ...
    assert command[1:5] == ["-m", "streamlit", "run", "dashboard.py"]
    assert flags["--server.address"] == "127.0.0.1" and flags["--server.port"] == "8501"
    assert flags["--server.fileWatcherType"] == "none" and flags["--browser.gatherUsageStats"] == "false"
    assert "--browser.serverAddress" in flags  # else Streamlit looks up its outside address at start-up
    assert office.unit_values("IPAddressDeny") == ["any"] and office.unit_values("IPAddressAllow") == ["localhost"]
    assert "JAMSOSTEK_SHARED=1" in office.unit_values("Environment")


def test_the_nightly_backup_runs_the_backup_command_with_the_retention_rule():
    (line,) = office.unit_values("ExecStart", BACKUP_UNIT)
    words = shlex.split(line)
    assert words[:3] == [f"{office.INSTALLED}/.venv/bin/python", "-m", "jamsostek"]
    args = cli.parser().parse_args(words[3:])
    assert (args.command, args.dir, args.keep) == ("backup", "/var/backups/jamsostek", settings.BACKUP_KEEP)
    assert office.unit_values("OnCalendar", TIMER) == ["*-*-* 02:30:00"]
    assert office.unit_values("Persistent", TIMER) == ["true"]


def test_nginx_accepts_the_site(tmp_path):
    office.nginx_command([8501, 8502], tmp_path)  # runs nginx -t on the site with test ports and certificate
