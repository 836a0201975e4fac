"""The build script turns a CC-CEDICT release into the glossary's data file."""

import gzip
import json
from pathlib import Path

import pytest
from django.conf import settings

from netizen.translation.build_dictionary import DEFAULT_OUTPUT, RELEASE_NAME, build, main
from netizen.translation.dictionary import Dictionary, get_dictionary

SAMPLE = Path(__file__).parent / "fixtures" / "cedict_sample.txt"
COMMITTED_ENTRIES = 122_143  # "#! entries=" in the 2023-11-07 release the file is built from


def test_build_keeps_every_entry_and_reports_lines_it_cannot_read(tmp_path):
    report = build(SAMPLE, tmp_path / "out.tsv.gz")

    assert report.entries == 6
    assert report.skipped_lines == (13,)
    assert report.size_bytes == (tmp_path / "out.tsv.gz").stat().st_size
    assert report.metadata["date"] == "2024-01-02T03:04:05Z"


def test_built_file_finds_words_by_either_script_with_all_readings(tmp_path):
    dictionary = Dictionary(build(SAMPLE, tmp_path / "out.tsv.gz").output)

    (refugee,) = dictionary.lookup("難民")
    assert (refugee.simplified, refugee.traditional) == ("难民", "難民")
    assert refugee.pinyin == "nànmín"
    assert dictionary.lookup("难民") == [refugee]
    assert [r.pinyin for r in dictionary.lookup("行")] == ["háng", "xíng"]
    assert dictionary.lookup("乾")[0].senses == ("dry",)
    assert dictionary.lookup("女")[0].senses == ("woman", "see 女人[nǚ rén]")
    assert dictionary.lookup("人") == []
    assert dictionary.version == "CC-CEDICT 2024-01-02"


def test_built_file_carries_the_license_and_attribution(tmp_path):
    output = build(SAMPLE, tmp_path / "out.tsv.gz").output
    lines = gzip.decompress(output.read_bytes()).decode().splitlines(keepends=True)
    header = [line for line in lines if line.startswith("#")]

    text = "".join(header)
    assert "CC-CEDICT" in text and "MDBG" in text and "Paul Andrew Denisowski" in text
    assert "Attribution-ShareAlike 4.0" in text
    assert "#! entries=6\n" in header


def test_building_twice_gives_the_same_bytes(tmp_path):
    first = build(SAMPLE, tmp_path / "first.tsv.gz").output.read_bytes()
    second = build(SAMPLE, tmp_path / "second.tsv.gz").output.read_bytes()

    assert first == second


def test_build_reads_a_gzip_release_inside_a_folder(tmp_path):
    release = tmp_path / "cc_cedict" / RELEASE_NAME
    release.parent.mkdir()
    release.write_bytes(gzip.compress(SAMPLE.read_bytes()))

    assert build(release.parent, tmp_path / "out.tsv.gz").entries == 6


def test_command_line_prints_a_json_summary(tmp_path, capsys):
    output = tmp_path / "out.tsv.gz"

    assert main(["--source", str(SAMPLE), "--output", str(output)]) == 0

    summary = json.loads(capsys.readouterr().out)
    assert summary["entries"] == 6
    assert summary["skipped_lines"] == [13]
    assert summary["output"] == str(output)


def test_command_line_says_when_the_release_is_missing(tmp_path, capsys):
    assert main(["--source", str(tmp_path), "--output", str(tmp_path / "out.tsv.gz")]) == 1

    assert "no CC-CEDICT release file" in capsys.readouterr().err
    assert not (tmp_path / "out.tsv.gz").exists()


def test_committed_dictionary_loads_every_entry():
    dictionary = get_dictionary()

    assert dictionary.path == DEFAULT_OUTPUT
    assert dictionary.entries == COMMITTED_ENTRIES
    assert dictionary.metadata["entries"] == str(COMMITTED_ENTRIES)
    assert dictionary.version == "CC-CEDICT 2023-11-07"
    assert DEFAULT_OUTPUT.stat().st_size < 4_000_000
    assert get_dictionary() is dictionary  # loaded once per process


def test_committed_dictionary_is_what_the_script_builds_from_the_shared_release(tmp_path):
    release = Path(settings.NETIZEN_DATASETS) / "cc_cedict" / RELEASE_NAME
    if not release.is_file():
        pytest.skip(f"the shared CC-CEDICT release is not at {release}")

    rebuilt = build(release, tmp_path / "cedict.tsv.gz").output

    assert rebuilt.read_bytes() == DEFAULT_OUTPUT.read_bytes()


def test_command_line_reads_the_release_from_the_shared_datasets_by_default(
    tmp_path, settings, capsys
):
    settings.NETIZEN_DATASETS = tmp_path
    (tmp_path / "cc_cedict").mkdir()
    (tmp_path / "cc_cedict" / RELEASE_NAME).write_bytes(gzip.compress(SAMPLE.read_bytes()))

    assert main(["--output", str(tmp_path / "out.tsv.gz")]) == 0

    assert json.loads(capsys.readouterr().out)["entries"] == 6
