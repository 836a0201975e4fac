"""Upgrading a site's word list: shipped terms whose label changed are moved, and a term the
site edited keeps the site's choice."""

import importlib

import pytest

from netizen.discussion.models import ScreeningTerm
from netizen.moderation.lexicon import default_terms
from tests.migrating import latest, migrate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RELABEL = importlib.import_module("netizen.discussion.migrations.0005_relabel_shipped_terms")
BEFORE = [("discussion", "0004_swearing_terms")]
SHIPPED = "Shipped with Netizen"


def test_the_moves_end_where_the_shipped_list_now_stands():
    shipped = {(term.text, term.label) for term in default_terms()}
    for term, before, now, _ in RELABEL.MOVES:
        assert (term, now) in shipped
        assert (term, before) not in shipped


def test_shipped_rows_are_moved_and_edited_ones_are_not():
    old = migrate(BEFORE).get_model("discussion", "ScreeningTerm")
    old.objects.filter(term__in=["son of a bitch", "nigga"]).delete()
    old.objects.create(
        term="son of a bitch", label="personal_attack", severity="banned", note=SHIPPED
    )
    old.objects.create(term="nigga", label="hate_speech", severity="suspect", note="ours: keep")
    migrate(latest("discussion"))
    labels = dict(
        ScreeningTerm.objects.filter(term__in=["son of a bitch", "nigga"]).values_list(
            "term", "label"
        )
    )
    assert labels == {"son of a bitch": "obscenity", "nigga": "hate_speech"}


def test_terms_shipped_later_reach_an_older_site_and_leave_with_the_migration():
    added = [
        *importlib.import_module("netizen.discussion.migrations.0007_english_spam_terms").TERMS,
        *importlib.import_module("netizen.discussion.migrations.0008_swearing_intensifiers").TERMS,
        *importlib.import_module(
            "netizen.discussion.migrations.0009_slurs_by_origin_and_faith"
        ).TERMS,
        *importlib.import_module("netizen.discussion.migrations.0010_evasive_spellings").TERMS,
    ]
    old = migrate([("discussion", "0006_chinese_terms")]).get_model("discussion", "ScreeningTerm")
    old.objects.filter(term__in=[term for term, _, _ in added]).delete()  # seeded before them
    old.objects.create(term="好撚", label="obscenity", severity="banned", note="ours: keep")
    migrate(latest("discussion"))
    found = dict(ScreeningTerm.objects.values_list("term", "severity"))
    assert all(term in found for term, _, _ in added)
    assert found["好撚"] == "banned"  # the site's own row is left as it was
    migrate([("discussion", "0006_chinese_terms")])
    left = set(ScreeningTerm.objects.values_list("term", flat=True))
    assert left & {term for term, _, _ in added} == {"好撚"}
