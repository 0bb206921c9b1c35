"""``group_texts`` and ``group_inputs``: the engine of the pages on the command line."""

import json

import pytest
from django.core.management import CommandError, call_command

from tests.algorithms.test_themes import IGF
from tests.consultation.factories import add_input, open_edition


def test_group_texts_prints_groups_ungrouped_and_seconds(tmp_path, capsys):
    path = tmp_path / "texts.jsonl"
    path.write_text("\n".join(json.dumps({"id": k, "text": t}, ensure_ascii=False)
                              for k, t in IGF), encoding="utf-8")
    call_command("group_texts", str(path), "--k", "3", "--json")
    result = json.loads(capsys.readouterr().out)
    assert sorted(sorted(g["ids"]) for g in result["groups"]) == [
        [f"{c}{i}" for i in range(1, 7)] for c in "dis"]
    assert result["ungrouped"] == [] and result["seconds"] >= 0
    assert all(g["label"] and g["terms"] for g in result["groups"])


def test_group_texts_refuses_k_larger_than_the_texts(tmp_path):
    path = tmp_path / "texts.jsonl"
    path.write_text('{"id": 1, "text": "one"}\n{"id": 2, "text": "two"}\n')
    with pytest.raises(CommandError, match="cannot be filled by 2 texts"):
        call_command("group_texts", str(path), "--k", "3")


@pytest.mark.django_db
def test_group_inputs_groups_an_editions_published_inputs(capsys):
    edition = open_edition()
    for key, text in IGF:
        add_input(edition, text, email=f"{key}@example.org")
    call_command("group_inputs", f"{edition.forum.slug}/{edition.slug}", "--k", "3", "--json")
    result = json.loads(capsys.readouterr().out)
    assert sum(len(g["ids"]) for g in result["groups"]) + len(result["ungrouped"]) == 18
