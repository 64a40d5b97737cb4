"""One settings module: it alone reads the environment, every variable is in README's Settings table,
and a value that cannot work is a clear message at start-up (app and command line)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from jamsostek import cli, i18n, settings
from jamsostek.geo import wilayah

README = (settings.ROOT / "README.md").read_text(encoding="utf-8")
SETTINGS_TABLE = README.split("## Settings", 1)[1].split("\n## ", 1)[0]
PACKAGE = settings.ROOT / "jamsostek"
CODE = sorted([*PACKAGE.rglob("*.py"), *(settings.ROOT / "pages").glob("*.py"), settings.ROOT / "dashboard.py"])


def test_every_setting_is_in_the_readme_settings_table():
    missing = [name for name in settings.ENV_NAMES if f"`{name}`" not in SETTINGS_TABLE]
    assert not missing, f"settings not documented in README.md's Settings table: {missing}"


def test_the_settings_table_names_no_variable_that_is_not_a_setting():
    named = set(re.findall(r"`(JAMSOSTEK_[A-Z_]+)`", SETTINGS_TABLE))
    assert named == set(settings.ENV_NAMES)


def _reads_environment(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hits = [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv", "putenv"}
            and isinstance(node.value, ast.Name) and node.value.id == "os"]
    hits += [node.lineno for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and re.fullmatch(r"JAMSOSTEK_[A-Z_]+", node.value)]
    return [f"{path.relative_to(settings.ROOT)}:{line}" for line in hits]


def test_only_settings_reads_the_environment_or_names_a_variable():
    found = [hit for path in CODE if path != PACKAGE / "settings.py" for hit in _reads_environment(path)]
    assert found == []


def test_an_unknown_name_is_not_a_setting():
    with pytest.raises(KeyError, match="JAMSOSTEK_REGIO"):
        settings.env("JAMSOSTEK_REGIO")


REGIONS = ("51", "51.04", "51.71")


@pytest.mark.parametrize("environ, expected", [
    ({}, []),
    ({"JAMSOSTEK_REGION": "51.04"}, []),
    ({"JAMSOSTEK_REGION": "51"}, []),
    ({"JAMSOSTEK_REGION": "51.4"}, [("JAMSOSTEK_REGION", "region")]),
    ({"JAMSOSTEK_REGION": "52.01"}, [("JAMSOSTEK_REGION", "region")]),  # well formed, but not in the data
    ({"JAMSOSTEK_REGION": "Gianyar"}, [("JAMSOSTEK_REGION", "region")]),
    ({"JAMSOSTEK_REQUIRE_VIEWER_SIGNIN": "ya"}, []),
    ({"JAMSOSTEK_REQUIRE_VIEWER_SIGNIN": "0"}, []),
    ({"JAMSOSTEK_REQUIRE_VIEWER_SIGNIN": "tru"}, [("JAMSOSTEK_REQUIRE_VIEWER_SIGNIN", "flag")]),
    ({"JAMSOSTEK_BOUNDARIES_DIR": "/no/such/folder"}, []),  # the map page explains it; tables still work
    ({"JAMSOSTEK_DB": "/no/such/folder/store.duckdb"}, [("JAMSOSTEK_DB", "db_folder")]),
])
def test_problems(environ, expected):
    assert [(p.name, p.reason) for p in settings.problems(REGIONS, environ)] == expected


def test_a_bad_region_names_the_codes_that_work_in_both_languages():
    [problem] = settings.problems(wilayah.region_codes(), {"JAMSOSTEK_REGION": "51.4"})
    id_text, en_text = i18n.setting_problem(problem, "id"), i18n.setting_problem(problem, "en")
    assert id_text.startswith("JAMSOSTEK_REGION = '51.4' bukan kode wilayah yang dikenal")
    assert en_text.startswith("JAMSOSTEK_REGION = '51.4' is not a known area code")
    assert "51, 51.01, 51.02, 51.03, 51.04, 51.05, 51.06, 51.07, 51.08, 51.71" in id_text


def test_the_reference_data_knows_bali_and_its_regencies():
    assert wilayah.region_codes() == ("51", "51.01", "51.02", "51.03", "51.04", "51.05", "51.06", "51.07",
                                      "51.08", "51.71")


def test_the_dashboard_stops_with_the_message_for_a_bad_region(monkeypatch, tmp_path):
    monkeypatch.setenv("JAMSOSTEK_REGION", "51.4")
    monkeypatch.setenv("JAMSOSTEK_DB", str(tmp_path / "store.duckdb"))
    at = AppTest.from_file(str(settings.ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Pengaturan belum benar · A setting is wrong"
    [error] = at.error
    assert "'51.4' bukan kode wilayah yang dikenal" in error.value and "'51.4' is not a known area code" in error.value
    assert not at.get("plotly_chart") and not (tmp_path / "store.duckdb").exists()  # nothing else ran


def test_the_command_line_refuses_to_run_with_a_bad_setting(monkeypatch, capsys):
    monkeypatch.setenv("JAMSOSTEK_REQUIRE_VIEWER_SIGNIN", "tru")
    assert cli.main(["init", "--help"]) == 0  # help still works
    assert cli.main(["init"]) == 2
    err = capsys.readouterr().err
    assert "'tru' tidak dipahami" in err and "'tru' is not understood" in err


def test_a_page_opened_directly_stops_with_the_message_too(monkeypatch, tmp_path):
    # A deep link can run pages/peta.py before dashboard.py has run in the process.
    monkeypatch.setenv("JAMSOSTEK_REGION", "51.4")
    monkeypatch.setenv("JAMSOSTEK_DB", str(tmp_path / "store.duckdb"))
    at = AppTest.from_file(str(settings.ROOT / "pages" / "peta.py"), default_timeout=60).run()
    assert not at.exception
    assert "'51.4' bukan kode wilayah yang dikenal" in at.error[0].value and not at.get("plotly_chart")
