"""Long imports run their parsing in a second process: the outcome must be the same as in
one process, and a failure on either side must neither hang nor pass unnoticed."""

import io

import pytest

from netizen.sources import importing, worker
from netizen.sources.importers import ImportFormatError
from netizen.sources.importing import import_stream
from netizen.sources.models import SourcePost

from . import worker_doubles
from .test_importing import row, weibo_csv

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def in_worker(monkeypatch):
    """Every import goes through the worker, whatever its size; fails if it does not."""
    started = []
    real = worker.prepare_in_worker

    def counted(*args, **kwargs):
        started.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(importing, "WORKER_FROM_BYTES", 16)
    monkeypatch.setattr(worker, "BLOCK_SIZE", 64)  # many blocks down the pipe
    monkeypatch.setattr(worker, "prepare_in_worker", counted)
    monkeypatch.setattr("netizen.sources.preparing.CHUNK_SIZE", 3)
    yield started
    assert started, "the import did not use the worker"


def campaign() -> io.BytesIO:
    return weibo_csv(
        row("W1", "边境口岸今天重新开放了"),
        "W2,only,three",
        row("W3", "邊境口岸今天重新開放了"),  # the same text in Traditional: a copy
        row("W4", "Refugees waited at the border all night."),
        row("W5", "转发微博", origin="W1"),  # a plain repost: skipped
        row("W6", "边境口岸今天重新开放了 http://t.cn/abc"),
        row("W7", "另一条消息"),
    )


def outcome(batch):
    posts = SourcePost.objects.order_by("platform_id")
    return (
        (batch.imported, batch.duplicates, batch.skipped, batch.errors, batch.problems),
        [(p.platform_id, p.language, p.script, p.cluster and p.cluster.platform_id) for p in posts],
    )


def test_a_file_imported_in_the_worker_comes_out_as_in_one_process(in_worker, settings):
    worked = outcome(import_stream(campaign(), "weibo", source="w.csv"))
    SourcePost.objects.all().delete()
    settings.NETIZEN_IMPORT_WORKER = False
    alone = outcome(import_stream(campaign(), "weibo", source="w.csv"))
    assert worked == alone
    counts, posts = worked
    assert counts == (
        5,
        0,
        1,
        1,
        [{"position": "line 3", "reason": "has 3 fields where the header has 10"}],
    )
    assert ("W3", "zh", "Hant", "W1") in posts and ("W6", "zh", "Hans", "W1") in posts
    assert SourcePost.objects.filter(search_text__contains="边境").count() == 3


def test_re_importing_through_the_worker_adds_nothing(in_worker):
    import_stream(campaign(), "weibo", source="w.csv")
    again = import_stream(campaign(), "weibo", source="w.csv")
    assert (again.imported, again.duplicates) == (0, 5)


def test_a_file_that_is_not_the_format_fails_before_anything_is_stored(in_worker):
    with pytest.raises(ImportFormatError):
        import_stream(io.BytesIO(b"{not json\n" * 50), "jsonl", source="x.jsonl")
    assert not SourcePost.objects.exists()


def test_a_worker_that_dies_is_reported_not_waited_for(monkeypatch):
    monkeypatch.setattr(worker, "produce", worker_doubles.die)
    parts = worker.prepare_in_worker(weibo_csv(row("W1", "一条")), "weibo", {})
    with pytest.raises(worker.WorkerFailed, match="exit code 3"):
        next(parts)


def test_a_chunk_that_cannot_be_sent_ends_the_import_with_a_reason():
    """Not a hang: the worker's main thread would wait on a full queue for ever."""
    import multiprocessing
    import queue

    reader, writer = multiprocessing.Pipe(duplex=False)
    outbox: queue.Queue = queue.Queue()
    outbox.put(lambda: None)  # does not pickle
    worker.send_all(outbox, writer)
    failure = reader.recv()
    assert isinstance(failure, worker.Failure)
    assert "could not be sent" in str(failure.error)
