"""The transcript parser on every convention, and linking labels to people."""

import collections
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openigf.algorithms.transcripts import match_speaker, parse, suggest_speaker

IGF = """The following are the outputs of the real-time captioning taken during the IGF.
***
Thank you. I will hand it over to our Chair.
>> LYNN ST. AMOUR: Thank you, everyone. (Applause)
Second paragraph of the chair.
>>CHAIR ST. AMOUR: Next speaker, please.
>> MODERATOR: We have a remote question (?) from Nairobi.
>> Thank you. [ Laughter ] (Pause) (off microphone) (indecipherable)
[talking simultaneously] Mr. Eric Hamon (phonetic). (Standing by)
>> Note: this is not a label because the words are lower case: see?
"""


def test_igf_conventions():
    result = parse(IGF)
    assert result.header.startswith("The following are the outputs")
    speakers = [t.speaker for t in result.turns]
    assert speakers == [None, "LYNN ST. AMOUR", "CHAIR ST. AMOUR", "MODERATOR", None, None]
    assert "Second paragraph of the chair." in result.turns[1].text
    kinds = [m.kind for t in result.turns for m in t.markers]
    for kind in ("applause", "uncertain", "laughter", "pause", "off_microphone", "inaudible",
                 "crosstalk", "phonetic", "standby"):
        assert kind in kinds
    assert result.turns[-1].text.startswith("Note: this is not a label")


@pytest.mark.parametrize(("text", "speakers"), [
    ("> > Hello there.\n> > [ Laughter ]\n> > Bye.", [None, None, None]),
    ("Session 13\n\n> Leader speaks.\n\n> Still the leader.\n\n> **A question?**\n\n> Answer.",
     [None, None, None]),
    ("Title\nRoom: Hall\n\nPARTICIPANT: I'm Dana.\n\nAnd a continuation.\n\nAUDIENCE: Yes!",
     ["PARTICIPANT", "AUDIENCE"]),
    ("AARON: Hi.\n\n>> Someone unnamed.\n\nAUDIENCE MEMBER:  Morning.", ["AARON", None,
                                                                         "AUDIENCE MEMBER"]),
    (">> Karen: text\n\n>> Sinduja: more text", ["Karen", "Sinduja"]),
    ("---\nlayout: post\ntitle: x\n---\nNAME: hello\n\nOTHER NAME: again", ["NAME",
                                                                            "OTHER NAME"]),
    ("&gt;&gt; ANA PEREZ: pasted from a web page\n&gt;&gt; Back to you.", ["ANA PEREZ", None]),
])
def test_other_conventions(text, speakers):
    assert [t.speaker for t in parse(text).turns] == speakers


@pytest.mark.parametrize(("text", "speakers"), [
    ("Ryan: Hello all.\n\nBo: Hi Ryan.\n\nRyan: Let us start.", ["Ryan", "Bo", "Ryan"]),
    (">> Audience member: A question.\n>> Bo: An answer.", ["Audience member", "Bo"]),
    ("Tiff: Welcome.\n\nAudience member:  The location.\n\nTiff: Yes.",
     ["Tiff", "Audience member", "Tiff"]),
    ("Ryan: Hello.\n\nTwo more questions: are you allowed? Yes.\n\nBo: Next.",
     ["Ryan", "Bo"]),
    ("Machine Learning: How Useful Is it?\nRoom: Hall\n\n>> Hello.", [None]),
    ("We spoke.\n\nNote: one sentence with a colon.\n\nMore speech.", [None]),
])
def test_mixed_case_labels_when_the_text_uses_them(text, speakers):
    assert [t.speaker for t in parse(text).turns] == speakers


def test_a_lone_mixed_case_word_with_a_colon_stays_text():
    result = parse(">> Hello.\n\nExample: this is not a speaker.\n\nResults: neither.")
    assert [t.speaker for t in result.turns] == [None]


_LINE = st.one_of(
    st.sampled_from(["", ">>", "> >", ">> Ryan:", "Ryan:", "Bo:", "AUDIENCE MEMBER:",
                     ">> Audience member:", "***", "---", "> ", "(Applause)", "[ Laughter ]",
                     "Two more questions:", "Note:", "&gt;&gt;"]),
    st.text(alphabet=st.sampled_from(list("ab Cd:*()[]-.\t")), max_size=30))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_LINE, _LINE), max_size=25))
def test_every_word_is_kept_whatever_the_text(pairs):
    text = "\n".join(a + " " + b for a, b in pairs)
    if "&gt;" in text:
        return  # HTML-escaped input is unescaped first: words change on purpose
    result = parse(text)
    out = _words(result.header)
    for turn in result.turns:
        out += (turn.speaker + ":").split() if turn.speaker else []
        out += _words(turn.text)
    markup = re.compile(r"^[>*» ]+$")  # arrows and the header's separator are markup
    assert (collections.Counter(w for w in out if not markup.match(w))
            == collections.Counter(w for w in _words(text) if not markup.match(w)))


def test_text_without_any_turn_is_kept_whole():
    result = parse("Just one paragraph of speech without any marker.")
    assert [t.text for t in result.turns] == ["Just one paragraph of speech without any marker."]


def _words(text):
    return re.sub(r"^[ \t]*>(?:[ \t]?>)?|>[ \t]?>|»|^[ \t]*\*{3,}[ \t]*$", " ", text,
                  flags=re.M).split()


def _files(root):
    return [p for p in sorted(Path(root).rglob("*")) if p.is_file()
            and p.suffix in (".txt", ".md") and not p.name.endswith(".abstract.txt")]


@pytest.mark.shared_data
def test_every_word_of_every_real_transcript_is_kept(shared_data):
    files = _files(shared_data / "transcripts") + sorted((shared_data.parent / "seeds").glob(
        "004_*.txt"))
    assert len(files) > 100
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        result = parse(text)
        out = _words(result.header)
        for turn in result.turns:
            out += (turn.speaker + ":").split() if turn.speaker else []
            out += _words(turn.text)
        assert collections.Counter(out) == collections.Counter(_words(text)), path
        assert result.turns, path


@pytest.mark.shared_data
def test_mixed_case_speakers_of_real_transcripts(shared_data):
    root = shared_data / "transcripts" / "srccon"
    hiring = parse((root / "2018" / "SRCCON2018-hacking-hiring.txt").read_text())
    speakers = collections.Counter(t.speaker for t in hiring.turns)
    assert speakers["Tiff"] == 43 and speakers["Ryann"] == 29
    assert speakers["Audience member"] == 4 and "Sidebar" not in speakers
    assert hiring.header.startswith("Leading News Orgs") and "Tiff:" not in hiring.header
    ad_tech = parse((root / "2016" / "SRCCON2016-fixing-ad-tech.md").read_text())
    assert {"Aram", "Jarrod", "PARTICIPANT"} == {t.speaker for t in ad_tech.turns}
    title = parse((root / "2015" / "SRCCON2015MachineLearning.txt").read_text())
    assert title.header.startswith("Machine Learning: How Useful")
    assert {t.speaker for t in title.turns} == {None}


@pytest.mark.shared_data
def test_the_igf_seed_has_its_speakers(shared_data):
    path = next((shared_data.parent / "seeds").glob("004_*.txt"))
    result = parse(path.read_text())
    speakers = {t.speaker for t in result.turns}
    assert {"LYNN ST. AMOUR", "LIU ZHENMIN", "STEFAN SCHWEINFEST"} <= speakers
    assert all(s is None or s.isupper() for s in speakers)


PEOPLE = [(1, "Liu Zhenmin"), (2, "Lynn St. Amour"), (3, "Stefan Schweinfest"),
          (4, "Ana María García"), (5, "Ana Gomez"), (6, "Siebo M. H. Janssen"),
          (7, "James Smith"), (8, "Anna James")]


@pytest.mark.parametrize(("label", "key"), [
    ("LIU ZHENMIN", 1), ("Mr. Liu", 1), ("ZHENMIN LIU", 1), ("CHAIR ST. AMOUR", 2),
    ("AMOUR", 2), ("Dr. Stefan Schweinfest", 3), ("GARCIA", 4), ("ANA GARCIA", 4),
    ("ANA MARIA GARCIA", 4), ("Ana María García", 4), ("Ms. Gomez", 5),
    # A first name alone, initials, a stranger, a name two people share: nobody.
    ("Lynn", None), ("STEFAN", None), ("ANA", None), ("LIU", None), ("MARTIN HELLSPONG", None),
    ("M. H.", None), ("S. JANSSEN", None), ("JAMES", None), ("FLORIAN", None),
    ("NOBODY HERE", None), ("", None),
])
def test_labels_are_matched_to_people(label, key):
    assert match_speaker(label, PEOPLE) == key


def test_role_labels_use_the_session_roles():
    assert match_speaker("MODERATOR", PEOPLE, {"moderator": [2]}) == 2
    assert match_speaker("MODERATOR", PEOPLE, {"moderator": [2, 3]}) is None


@pytest.mark.parametrize(("label", "suggestion"), [
    ("Lynn", (2, "first_name")), ("STEFAN", (3, "first_name")), ("S. SCHWEIN", (3, "initials")),
    ("JAMES", (7, "shared_name")), ("ANA", (4, "shared_name")), ("NOBODY", None), ("", None),
])
def test_unlinked_labels_get_a_suggestion_with_its_reason(label, suggestion):
    assert match_speaker(label, PEOPLE) is None
    assert suggest_speaker(label, PEOPLE) == suggestion
