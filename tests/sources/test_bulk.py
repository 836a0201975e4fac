"""The garbage collector's setting during imports: changed while they run, then put back."""

import gc
import threading

from netizen.sources.bulk import THRESHOLD, fewer_collections


def test_the_collector_is_put_back_as_it_was():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] == THRESHOLD
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_imports_running_at_once_share_the_setting():
    before = gc.get_threshold()
    first_in, second_out = threading.Event(), threading.Event()
    seen = []

    def first():
        with fewer_collections():
            first_in.set()
            second_out.wait(5)
            seen.append(gc.get_threshold()[0])  # the other finished: still in force

    thread = threading.Thread(target=first)
    thread.start()
    first_in.wait(5)
    with fewer_collections():
        pass
    second_out.set()
    thread.join()
    assert seen == [THRESHOLD]
    assert gc.get_threshold() == before


def test_an_error_inside_puts_it_back_too():
    before = gc.get_threshold()
    try:
        with fewer_collections():
            raise KeyError("boom")
    except KeyError:
        pass
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_objects_frozen_before_an_import_stay_frozen():
    """A server that froze its own objects (gunicorn's preload) keeps them frozen."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with fewer_collections():
            pass
        assert gc.get_freeze_count() > frozen // 2  # not unfrozen (objects may die meanwhile)
    finally:
        gc.unfreeze()
