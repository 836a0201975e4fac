"""`netizen bench screening` and `netizen bench comments`: figures of the right shape.

No test asserts a speed; the benchmarks print figures, the suite checks they are honest
(every comment counted, none left behind).
"""

import pytest
from django.conf import settings

from netizen.bench import comments, datasets, screening
from netizen.discussion.models import Comment

FIGURES = {"comments_per_second", "p50_ms", "p99_ms", "max_ms"}


@pytest.mark.django_db
@pytest.mark.skipif(
    not (settings.NETIZEN_DATASETS / "cold").exists(),
    reason=f"needs the shared datasets at {settings.NETIZEN_DATASETS}",
)
def test_screening_bench_screens_a_mix_of_languages():
    result = screening.run(requests=300, warmup=20)
    assert result["comments"] == 300 and result.keys() >= FIGURES
    assert result["meta"]["texts"]["en"] == 150
    assert {"en", "zh-Hans", "zh-Hant"} <= result["detected_languages"].keys()
    assert result["screening_unavailable"] == 0
    assert set(result["models"]) == {"obscenity-en", "spam-en", "offensive-zh"}
    # Screening alone is faster than the loop that also keeps the stand-in comments table.
    assert result["comments_per_second"] > result["loop_comments_per_second"]


def test_screening_bench_explains_missing_datasets(settings, tmp_path):
    settings.NETIZEN_DATASETS = tmp_path
    with pytest.raises(datasets.BenchError, match="NETIZEN_DATASETS"):
        datasets.comment_mix(10)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_comments_bench_posts_real_forms_and_cleans_up(demo, live_server, settings):
    settings.NETIZEN_COMMENT_HOURLY_LIMIT = 1000
    before = Comment.objects.count()
    result = comments.run(requests=6, warmup=2, base_url=live_server.url)
    assert result["comments"] == 6
    assert result["comments_per_second"] > 0 and result["p95_ms"] >= result["p50_ms"]
    assert Comment.objects.count() == before
    assert not Comment.objects.filter(email=comments.BENCH_EMAIL).exists()
