"""The load benchmark's client really speaks Streamlit's protocol: a tiny run (K=2, one page) on a real server."""

from __future__ import annotations

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks import load
from jamsostek.sample import store as sample_store


def test_two_fresh_sessions_get_the_whole_page(tmp_path):
    store = sample_store.ensure_store(tmp_path / "store.duckdb")
    with load.serve(store, tmp_path) as server:
        views, cpu = load.crowd(server, "ringkasan", 2)
        row = load.summarise("ringkasan", views, cpu, server.rss_mb())
        assert server.rss_mb() > 50  # /proc of the server's PID, not of this process
    for view in views:
        assert view.error == "" and view.finished
        assert "new_session" in view.messages and view.messages[-1] == "script_finished"
        assert view.elements >= 10  # title, data notice, KPI cards, charts: not an empty run
    assert row["K"] == 2 and row["errors"] == 0
    assert 0 < row["p50_ms"] <= row["p95_ms"] <= row["max_ms"]
    assert row["cpu_ms_per_view"] > 0


def test_a_failed_run_counts_as_an_error():
    """A run that ends in an exception element or a failed status is an error, not a quick view."""
    crashed, failed, rerun = load.View(), load.View(), load.View()
    boom = ForwardMsg()
    boom.delta.new_element.exception.message = "boom"
    assert not load._read(boom, crashed)
    assert load._read(_finished(ForwardMsg.FINISHED_SUCCESSFULLY), crashed)
    assert crashed.finished and "boom" in crashed.error
    assert load._read(_finished(ForwardMsg.FINISHED_WITH_COMPILE_ERROR), failed)
    assert failed.error and not failed.finished
    assert not load._read(_finished(ForwardMsg.FINISHED_EARLY_FOR_RERUN), rerun)  # st.rerun: keep reading
    assert not rerun.finished and rerun.error == ""


def _finished(status: int) -> ForwardMsg:
    msg = ForwardMsg()
    msg.script_finished = status
    return msg


def test_the_replica_benchmark_reads_its_quantiles_and_counts_errors():
    from benchmarks import replicas

    views = [(s / 10, None) for s in range(1, 21)] + [(9.0, "TimeoutError: the view did not finish")]
    row = replicas._row(2, "peta", 21, views)
    assert (row["p50_s"], row["p95_s"], row["max_s"], row["errors"]) == ("1.10", "2.00", "9.00", 1)
