"""The offline glossary aid: words, pinyin and CC-CEDICT senses for Chinese text."""

import pytest

from netizen.translation import MACHINE_DRAFT, TranslationUnavailable, gloss_line, glossary
from netizen.translation.glossary import GlossaryTranslator


def chinese(text):
    return [entry for entry in glossary(text) if entry.is_chinese]


def test_simplified_sentence_gets_words_pinyin_and_senses():
    words = chinese("难民在边境等待遣返。")

    assert [entry.word for entry in words] == ["难民", "在", "边境", "等待", "遣返"]
    refugee, _, border, _, repatriate = words
    assert (refugee.pinyin, refugee.senses) == ("nànmín", ("refugee",))
    assert border.pinyin == "biānjìng"
    assert "frontier; border" in border.senses
    assert repatriate.senses[0].startswith("to repatriate")
    assert (refugee.simplified, refugee.traditional) == ("难民", "難民")


def test_traditional_sentence_is_cut_into_the_same_words_and_keeps_its_characters():
    words = chinese("網友們說難民在邊境等待。")

    assert [entry.word for entry in words] == ["網友", "們", "說", "難民", "在", "邊境", "等待"]
    refugee = words[3]
    assert (refugee.pinyin, refugee.senses) == ("nànmín", ("refugee",))
    assert (refugee.simplified, refugee.traditional) == ("难民", "難民")
    assert words[0].senses == chinese("网友")[0].senses


def test_a_character_with_several_readings_gets_the_one_the_word_calls_for():
    (bank,) = chinese("银行")
    _, ok, *_ = chinese("我不行了")
    (no_good,) = chinese("不行")

    assert bank.pinyin == "yínháng" and bank.senses[0] == "bank"
    assert ok.word == "不行" and ok.pinyin == "bùxíng"
    assert no_good.senses[0] == "won't do"
    (walk,) = chinese("行")
    assert walk.pinyin == "xíng" and "to walk" in walk.senses
    assert [reading.pinyin for reading in walk.other_readings] == ["háng"]


def test_traditional_character_that_merged_in_simplified_reads_as_in_the_text():
    (clean,) = chinese("乾淨")
    (dry,) = chinese("乾")

    assert (clean.pinyin, clean.senses[0], clean.simplified) == ("gānjìng", "clean", "干净")
    assert dry.pinyin == "gān" and "dry" in dry.senses


def test_word_missing_from_the_dictionary_is_glossed_by_its_known_parts():
    words = chinese("张小明")  # a made-up name: no dictionary has it

    assert "".join(entry.word for entry in words) == "张小明"
    assert all(entry.known for entry in words)
    assert words[0].pinyin == "zhāng"


def test_character_the_dictionary_lacks_still_gets_pinyin_and_no_senses():
    (rare,) = chinese("㐀")

    assert not rare.known
    assert rare.senses == ()
    assert rare.pinyin == "qiū"
    assert rare.gloss == "㐀"


def test_mixed_chinese_and_english_passes_latin_text_and_punctuation_through():
    entries = glossary("我用Twitter发了COVID-19的消息！")

    assert "".join(entry.word for entry in entries) == "我用Twitter发了COVID-19的消息！"
    twitter = next(entry for entry in entries if entry.word == "Twitter")
    assert (twitter.pinyin, twitter.senses, twitter.is_chinese) == ("", (), False)
    assert [e.word for e in entries if e.is_chinese] == ["我", "用", "发", "了", "的", "消息"]


def test_gloss_line_is_a_rough_word_by_word_english_line():
    line = gloss_line(glossary("难民在边境，我用Twitter发了COVID-19的消息。"))

    assert line.startswith("refugee ")
    assert "frontier, I" in line
    assert "Twitter" in line and "COVID-19" in line
    assert line.endswith("news.")


def test_gloss_line_keeps_quotes_and_brackets_with_their_words():
    line = gloss_line(glossary("他说：“不行！”（边境）"))

    assert ': "won\'t do!" (frontier)' in line


def test_text_without_chinese_comes_back_as_written():
    assert gloss_line(glossary("Refugees at the border, 2024.")) == "Refugees at the border, 2024."
    assert glossary("") == []


def test_glossary_backend_returns_the_gloss_line_as_a_machine_draft():
    draft = GlossaryTranslator().translate("難民在邊境。", "zh-Hant", "en")

    assert draft.text == gloss_line(glossary("難民在邊境。"))
    assert draft.original == "難民在邊境。"
    assert (draft.source, draft.target) == ("zh-Hant", "en")
    assert draft.status == MACHINE_DRAFT and draft.is_draft
    assert draft.backend == "glossary"
    assert draft.backend_version.startswith("CC-CEDICT 2023-11-07, jieba ")


def test_glossary_backend_only_goes_from_chinese_to_english():
    with pytest.raises(TranslationUnavailable, match="Chinese to English only"):
        GlossaryTranslator().translate("Bonjour", "fr", "en")
    with pytest.raises(TranslationUnavailable, match="Chinese to English only"):
        GlossaryTranslator().translate("难民", "zh", "de")


def test_pinyin_is_written_as_words_the_way_an_editor_reads_it():
    (china,) = chinese("中国")
    (xian,) = chinese("西安")
    (woman,) = chinese("女人")

    assert china.pinyin == "Zhōngguó"  # a name: capitalised, as CC-CEDICT writes it
    assert xian.pinyin == "Xī'ān"  # the apostrophe keeps xī'ān apart from xiān
    assert woman.pinyin == "nǚrén"
    assert "CL:條|条[tiáo]" in chinese("消息")[0].senses  # cross-references get marks too


def test_glossary_backend_accepts_auto_only_for_text_with_chinese():
    assert GlossaryTranslator().translate("难民", "auto", "en").text == "refugee"
    with pytest.raises(TranslationUnavailable):
        GlossaryTranslator().translate("refugees", "auto", "en")


def test_unknown_traditional_name_is_glossed_by_its_traditional_parts():
    words = chinese("張小明說")

    assert [entry.word for entry in words][-1] == "說"
    assert words[0].word == "張" and words[0].simplified == "张"
    assert "".join(entry.word for entry in words) == "張小明說"


def test_joining_the_entries_gives_back_the_text_exactly():
    text = "第一行：难民\n\n  Second line 邊境 ,  end"

    assert "".join(entry.word for entry in glossary(text)) == text
