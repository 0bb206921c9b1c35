"""A draft summary and key takeaways from a session's turns, each sentence keeping the turn it
came from. Extractive (TextRank over TF-IDF sentence vectors, scikit-learn); runs here, no
external service. No Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")
_MARKERS = re.compile(r"[\(\[][^\)\]]{0,40}[\)\]]")
_ACTION = re.compile(r"\b(should|must|need(?:s|ed)? to|call(?:s|ed)? (?:on|for)|recommend"
                     r"|urge|have to|important to|propose|commit)\b", re.IGNORECASE)
_FILLER = re.compile(r"^(thank you|thanks|good (morning|afternoon|evening)|okay|ok|yes|no|"
                     r"right|so)\b[ ,.!]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Turn:
    anchor: str
    speaker: str
    text: str


@dataclass(frozen=True)
class Sentence:
    text: str
    anchor: str
    speaker: str
    score: float


@dataclass
class Draft:
    summary: list  # [Sentence] in the order spoken
    takeaways: list  # [Sentence], at most three
    calls_to_action: list  # [Sentence], at most three


_ABBREVIATIONS = ("St.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "H.E.", "U.N.", "U.S.", "e.g.",
                  "i.e.", "No.")


def _split(text: str) -> list[str]:
    parts = []
    for piece in _SPLIT.split(text):
        if parts and parts[-1].endswith(_ABBREVIATIONS):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return parts


def sentences(turns) -> list[tuple[str, str, str]]:
    found = []
    for turn in turns:
        text = _MARKERS.sub(" ", turn.text)
        for part in _split(" ".join(text.split())):
            part = part.strip()
            words = part.split()
            if 8 <= len(words) <= 60 and not _FILLER.match(part):
                found.append((part, turn.anchor, turn.speaker))
    return found


def _rank(texts: list[str]) -> list[float]:
    from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: PLC0415 heavy (scikit-learn), loaded only when used
    from sklearn.metrics.pairwise import cosine_similarity  # noqa: PLC0415 heavy (scikit-learn), loaded only when used

    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    except ValueError:
        return [0.0] * len(texts)
    sim = cosine_similarity(matrix)
    n = len(texts)
    for i in range(n):
        sim[i, i] = 0.0
    totals = sim.sum(axis=1)
    totals[totals == 0] = 1.0
    weights = sim / totals[:, None]
    import numpy as np  # noqa: PLC0415 heavy (NumPy), loaded only when used

    vector = np.full(n, 1.0 / n)
    for _step in range(30):  # PageRank by power iteration, damping 0.85
        vector = 0.15 / n + 0.85 * weights.T.dot(vector)
    return [float(v) for v in vector]


def draft(turns, *, summary_sentences: int = 6) -> Draft:
    found = sentences(turns)
    if not found:
        return Draft([], [], [])
    if len(found) > 1500:  # very long sessions: rank an even sample
        step = len(found) / 1500
        found = [found[int(i * step)] for i in range(1500)]
    scores = _rank([s[0] for s in found])
    ranked = sorted(range(len(found)), key=lambda i: -scores[i])
    chosen = sorted(ranked[:summary_sentences])
    summary = [Sentence(found[i][0], found[i][1], found[i][2], round(scores[i], 5))
               for i in chosen]
    takeaways, calls = [], []
    for i in ranked:
        text, anchor, speaker = found[i]
        item = Sentence(text, anchor, speaker, round(scores[i], 5))
        if _ACTION.search(text):
            if len(calls) < 3:
                calls.append(item)
        elif len(takeaways) < 3 and i not in chosen[:1]:
            takeaways.append(item)
        if len(calls) == 3 and len(takeaways) == 3:
            break
    return Draft(summary, takeaways, calls)
