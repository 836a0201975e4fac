"""Machine output stays a draft until an editor accepts or edits it."""

import pytest

from netizen.translation import ACCEPTED, EDITED, MACHINE_DRAFT, Draft


def machine_draft():
    return Draft("refugees at the border", "难民在边境", "zh", "en", "glossary", "CC-CEDICT 2023")


def test_backend_output_is_a_machine_draft_with_its_provenance_on_show():
    draft = machine_draft()

    assert draft.is_draft
    assert draft.status == MACHINE_DRAFT == "machine draft"
    assert draft.label == (
        "Machine translation draft (glossary, CC-CEDICT 2023): check it before publishing"
    )


def test_accepting_keeps_the_text_and_ends_the_draft():
    accepted = machine_draft().accept()

    assert not accepted.is_draft
    assert accepted.status == ACCEPTED
    assert accepted.text == "refugees at the border"
    assert (
        accepted.label
        == "Translation accepted by an editor (first draft: glossary, CC-CEDICT 2023)"
    )


def test_editing_replaces_the_text_and_keeps_where_the_first_draft_came_from():
    edited = machine_draft().edit("Refugees wait at the border")

    assert edited.status == EDITED
    assert edited.text == "Refugees wait at the border"
    assert (edited.original, edited.backend) == ("难民在边境", "glossary")
    assert machine_draft().edit("refugees at the border").status == ACCEPTED


def test_a_draft_survives_a_round_trip_through_json_values():
    stored = machine_draft().edit("Refugees wait").as_dict()

    assert stored["is_draft"] is False
    assert stored["label"].startswith("Translation edited")
    assert Draft.from_dict(stored) == machine_draft().edit("Refugees wait")


def test_an_unknown_status_is_refused():
    with pytest.raises(ValueError, match="status 'published'"):
        Draft("x", "y", "zh", "en", "glossary", status="published")
