"""Demo transcripts: the real captioning of the MAG's meeting with UN DESA at IGF 2018 (public,
shipped in ``transcripts/data/``), and, where the shared real transcripts are on this machine,
a sample of 2019 workshops captioned with them, their speakers renamed to the session's people."""

import os
import re
from pathlib import Path

from openigf.algorithms.transcripts import match_speaker, parse
from openigf.forums.enums import SessionKind
from openigf.programme.domain import session_person_add
from openigf.programme.models import Session
from openigf.transcripts import domain

SEED = Path(__file__).parent / "data" / "igf2018-mag-meets-undesa.txt"


def _shared_transcripts():
    for base in (os.environ.get("OPENIGF_SHARED_DATA", ""),
                 Path(__file__).resolve().parents[4] / "shared" / "data", "/work/shared/data"):
        folder = Path(base) / "transcripts" / "srccon" if base else None
        if folder and folder.exists():
            return sorted(folder.glob("2018/*.txt")) + sorted(folder.glob("2017/*.txt"))
    return []


# MAG members who took the floor at the 2018 meeting, as the transcript introduces them.
SPEAKERS_2018 = {"RAQUEL GATTO": ("technical", "grulac", "female"),
                 "ROMAN CHUKOV": ("civil_society", "eeg", "male")}


def _add_speakers(session, text):
    known = [(p.pk, p.name) for p in session.people.all()]
    added = set()
    for turn in parse(text).turns:
        label = turn.speaker
        if not label or label in added or match_speaker(label, known) is not None:
            continue
        group, region, gender = SPEAKERS_2018.get(label, ("", "", ""))
        session_person_add(session=session, name=label.title(), role="speaker",
                           stakeholder_group=group, regional_group=region, gender=gender)
        added.add(label)


def load(ctx):
    with ctx.step("transcripts.seed_2018") as run:
        if run:
            session = Session.objects.filter(edition__forum__slug="igf", edition__slug="2018",
                                             title="Meeting of the MAG with UN DESA").first()
            if session is not None:
                text = SEED.read_text()
                _add_speakers(session, text)
                domain.transcript_save(session=session, text=text)
    with ctx.step("transcripts.sample_2019") as run:
        if run:
            files = _shared_transcripts()[:12]
            sessions = list(Session.objects.filter(edition__forum__slug="igf",
                                                   edition__slug="2019", kind=SessionKind.WORKSHOP)
                            .prefetch_related("people").order_by("pk")[:len(files)])
            for session, path in zip(sessions, files, strict=False):
                people = [p.name for p in session.people.all() if p.role != "rapporteur"]
                if not people:
                    continue
                text = path.read_text(encoding="utf-8", errors="replace")
                if len(parse(text).turns) < 20:
                    continue
                labels = []
                for turn in parse(text).turns:
                    if turn.speaker and turn.speaker not in labels and turn.speaker not in (
                            "AUDIENCE", "PARTICIPANT", "AUDIENCE MEMBER"):
                        labels.append(turn.speaker)
                for i, label in enumerate(labels):
                    name = people[i % len(people)]
                    text = re.sub(rf"(?m)^(\s*(?:>>\s*)?){re.escape(label)}:",
                                  lambda m, name=name: f"{m.group(1)}{name.upper()}:", text)
                domain.transcript_save(session=session, text=text)
