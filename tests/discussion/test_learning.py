"""Learning from moderators, end to end: decisions become training data for a new model set,
which is compared with the set in use before an operator activates it."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from netizen.discussion.decisions import decide
from netizen.discussion.training_data import learned_from_decisions
from netizen.moderation import classifiers
from netizen.moderation.context import Policy, ScreeningContext
from netizen.moderation.pipeline import screen

pytestmark = pytest.mark.django_db

COLD_FIXTURE = Path(__file__).resolve().parents[1] / "moderation" / "fixtures"


def moderation(*args: str) -> dict:
    out = io.StringIO()
    call_command("moderation", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def models_root(settings, tmp_path, monkeypatch):
    settings.NETIZEN_MODERATION_MODELS_DIR = tmp_path / "sets"
    # A running process looks at which set is active once a second; here, at every comment.
    monkeypatch.setattr(classifiers, "RECHECK_SECONDS", 0.0)
    classifiers.reset()
    yield settings.NETIZEN_MODERATION_MODELS_DIR
    classifiers.reset()


@pytest.fixture
def sent(post, newest, django_capture_on_commit_callbacks):
    """A reader's comment through the form, screened as the worker would."""

    def send(body: str, address: str):
        with django_capture_on_commit_callbacks(execute=True):
            assert post(body, address=address).status_code == 303
        return newest()

    return send


def test_decisions_train_a_new_set_that_is_compared_then_activated(
    models_root, sent, django_user_model
):
    moderator = django_user_model.objects.get(username="moderator")
    before = learned_from_decisions()[1]["by_language"]
    insult = sent("你这种人就是个废物，滚远点。", "198.51.100.7")
    thanks = sent("謝謝你們把這些微博翻譯出來。", "198.51.100.8")
    decide(insult, "reject", actor=moderator, via="queue", reason="personal_attack")
    decide(thanks, "approve", actor=moderator, via="queue")

    trained = moderation("train", "--with-decisions", "--data-dir", str(COLD_FIXTURE))
    version = trained["version"]
    chinese = sum(
        found["examples"] - before.get(language, {}).get("examples", 0)
        for language, found in trained["decisions"]["by_language"].items()
        if language.startswith("zh")
    )
    assert chinese == 2  # the two decided above, one in each script
    assert trained["models"]["offensive-zh"]["extra_examples"] >= 2
    assert "copied_from" in trained["models"]["spam-en"]  # no spam data in the fixture
    assert (models_root / version / "manifest.json").is_file()

    listed = moderation("versions")
    assert listed["active"] == "shipped"  # training never switches by itself
    assert version in [found["version"] for found in listed["sets"]]

    compared = moderation("evaluate", "--version", version, "--data-dir", str(COLD_FIXTURE))
    assert compared["candidate"]["version"] == version
    assert (
        compared["candidate"]["models"]["offensive-zh"]
        != compared["current"]["models"]["offensive-zh"]
    )
    assert "cold/dev zh-Hans hate_speech" in compared["differences"]["datasets"]
    assert "negation zh-Hans" in compared["differences"]["functional"]

    shipped = screen("一句普通的话", ScreeningContext(policy=Policy(phase_budget_ms=60_000.0)))
    moderation("activate", version)
    activated = screen("一句普通的话", ScreeningContext(policy=Policy(phase_budget_ms=60_000.0)))
    assert activated.models["offensive-zh"] == compared["candidate"]["models"]["offensive-zh"]
    assert activated.models["offensive-zh"] != shipped.models["offensive-zh"]
    moderation("activate", "shipped")
    back = screen("一句普通的话", ScreeningContext(policy=Policy(phase_budget_ms=60_000.0)))
    assert back.models["offensive-zh"] == shipped.models["offensive-zh"]
