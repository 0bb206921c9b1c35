"""Captioning text in, a header and speaker turns out. No Django.

The conventions handled are those of real-time captioning (CART) as the IGF and other
meetings publish it:

- a header, then a line of ``***`` (IGF); or a Markdown / YAML front-matter header; or a first
  block of lines (title, facilitators, day and room) before the first blank line;
- ``>> FIRST LAST:`` (names in capitals), ``>>CHAIR ST. AMOUR:``, ``>> MODERATOR:``,
  ``>> Name:``, ``> >`` for ``>>``, and a bare ``>>`` (a new speaker whose name the captioner
  did not write);
- ``NAME:``, ``PARTICIPANT:``, ``AUDIENCE MEMBER:`` at the start of a line, in capitals;
- ``Ryan:``, ``Audience member:`` at the start of a line in mixed case, when the transcript
  uses that convention: a role (audience, participant, moderator...), a label that starts two
  lines or more, or one-word names where such names start at least two lines of the text
  (``Two more questions:`` or a title ``Machine Learning: How Useful...`` stay text);
- paragraphs that start with none of these continue the turn before them;
- markers in brackets or parentheses: ``(Applause)``, ``[ Laughter ]``, ``(Pause)``,
  ``(off microphone)``, ``(?)``, ``(indecipherable)``, ``[talking simultaneously]``,
  ``(phonetic)``, ``(Standing by)``...

Every word of the input is kept: in the header, in a speaker label, or in a turn's text. The
parser never invents a speaker: a label that does not look like one stays in the text and the
turn has no speaker.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import asdict, dataclass, field

MARKER_KINDS = {
    "applause": r"applause|clapping",
    "laughter": r"laugh(?:ter|s|ing)?",
    "pause": r"pause|silence",
    "inaudible": r"inaudible|indecipherable|indiscernible|unintelligible|poor audio|no audio"
                 r"|audio (?:cuts|drops) out|audio (?:difficulties|issues)",
    "off_microphone": r"off[ -]?mic(?:rophone)?|(?:speaking )?away from (?:the )?mic(?:rophone)?"
                      r"|no mic(?:rophone)?",
    "uncertain": r"\?",
    "crosstalk": r"cross[ -]?talk|talking simultaneously|overlapping (?:speakers|voices)"
                 r"|multiple (?:people|speakers) (?:talking|speaking)",
    "phonetic": r"phonetic(?:ally)?|sp\?",
    "standby": r"(?:please )?stand(?:ing)? ?by",
    "music": r"music(?: playing)?",
    "video": r"video(?: plays| playing)?",
    "activity": r"group activity|partner talking|group (?:work|discussions?)"
                r"|small[- ]group discussions?|break(?: out)?",
}
_MARKER = re.compile(
    r"[\(\[]\s*(?:" + "|".join(f"(?P<{k}>{v})" for k, v in MARKER_KINDS.items())
    + r")\s*[\)\]]", re.IGNORECASE)
_NOTE = re.compile(r"\[[^\]\n]{1,80}\]")

_ARROWS = re.compile(r"^\s*(?:>\s?>|»)\s?(?P<rest>.*)$")
_QUOTE = re.compile(r"^\s*>(?!\s?>)\s?(?P<rest>.*)$")  # Markdown quote: one paragraph
_LABEL = re.compile(r"^(?P<label>[^\W\d_][^:\n]{0,60}?)\s*:(?:\s+(?P<text>.*)|\s*)$", re.DOTALL)
_SEPARATOR = re.compile(r"^\s*\*{3,}\s*$")
_PARTICLES = {"de", "da", "del", "della", "di", "do", "dos", "du", "van", "von", "der", "den",
              "la", "le", "bin", "bint", "al", "el", "ibn", "y", "e", "of", "and", "st."}
_NOT_NAMES = {"note", "notes", "http", "https", "example", "question", "answer", "update",
              "edit", "source", "title", "re", "fwd", "subject", "date", "time", "room",
              "day", "day & time", "session facilitator(s)", "session facilitators",
              "session facilitator", "facilitator", "facilitators", "speakers", "speaker(s)",
              "location", "description", "url", "sidebar", "yes", "no", "ok", "okay", "so",
              "well", "first", "second", "third", "step", "tip", "warning", "important",
              "reminder", "agenda", "summary", "goal", "goals", "conclusion", "q", "a", "also",
              "and", "but", "then", "now", "here", "remember", "result", "results", "points"}
# A label made of these words names a role, not a person ("Audience member", "Unidentified
# speaker", "Speaker from the floor"); it needs one of the ``_ROLE_HEADS``.
_ROLE_WORDS = {"audience", "member", "members", "participant", "participants", "speaker",
               "speakers", "moderator", "facilitator", "panelist", "panellist", "presenter",
               "host", "interpreter", "captioner", "attendee", "voice", "voices", "unidentified",
               "unknown", "female", "male", "remote", "online", "onsite", "floor", "from", "the",
               "in", "another", "other", "new", "audio", "room"}
_ROLE_HEADS = {"audience", "participant", "participants", "speaker", "speakers", "moderator",
               "facilitator", "panelist", "panellist", "presenter", "host", "interpreter",
               "captioner", "attendee", "voice", "voices"}


@dataclass
class Marker:
    kind: str
    text: str
    offset: int


@dataclass
class Turn:
    speaker: str | None
    text: str
    markers: list = field(default_factory=list)


@dataclass
class Transcript:
    header: str
    turns: list

    def as_dict(self) -> dict:
        return {"header": self.header, "turns": [asdict(t) for t in self.turns]}


def looks_like_name(label: str, *, capitals: bool) -> bool:
    """Whether ``label`` (the part before a colon) is a speaker label. ``capitals``: the line
    has no ``>>``, so only a label in capitals counts (``JOHN:``, ``AUDIENCE MEMBER:``)."""
    label = label.strip()
    words = label.split()
    if not words or len(words) > 6 or len(label) > 50 or label.lower() in _NOT_NAMES:
        return False
    if any(w.endswith((",", ";", "!", "?")) for w in words) or '"' in label or "/" in label:
        return False
    letters = [c for c in label if c.isalpha()]
    if not letters:
        return False
    if capitals:
        return all(c.isupper() for c in letters) and (len(letters) > 1 or len(words) == 1)
    for word in words:
        bare = word.strip("().'’-")
        if not bare:
            continue
        if bare.lower() in _PARTICLES or word.lower() in _PARTICLES:
            continue
        if not (bare[0].isupper() or bare[0].isdigit()):
            return False
    return True


def is_role_label(label: str) -> bool:
    """Whether ``label`` names a role rather than a person: ``Audience member``."""
    words = [w.strip(".-").lower() for w in label.split()]
    return (bool(words) and len(words) <= 5 and label[:1].isupper()
            and all(w in _ROLE_WORDS for w in words) and any(w in _ROLE_HEADS for w in words))


def mixed_case_labels(lines: list[str]) -> frozenset:
    """The labels in mixed case (``Ryan:``) that this text uses for speakers: roles, labels
    that open two lines or more, and one-word names where one-word names open at least two
    lines. A label must be followed by words on its line."""
    counts: dict[str, int] = {}
    for line in lines:
        match = _LABEL.match(line.strip())
        if not match or not (match["text"] or "").strip():
            continue
        label = match["label"].strip()
        if label.upper() == label or not label[:1].isupper():
            continue
        if is_role_label(label) or looks_like_name(label, capitals=False):
            counts[label] = counts.get(label, 0) + 1
    single = sum(n for label, n in counts.items() if len(label.split()) == 1)
    return frozenset(label for label, n in counts.items()
                     if is_role_label(label) or n >= 2 or (len(label.split()) == 1
                                                           and single >= 2))


def _split_label(rest: str, *, capitals: bool, mixed: frozenset = frozenset()):
    match = _LABEL.match(rest)
    if match:
        label = match["label"].strip()
        if (looks_like_name(label, capitals=capitals) or label in mixed
                or (not capitals and is_role_label(label))):
            return label, (match["text"] or "")
    return None, rest


def markers_in(text: str) -> list[Marker]:
    found = []
    taken = []
    for m in _MARKER.finditer(text):
        kind = next(k for k, v in m.groupdict().items() if v is not None)
        found.append(Marker(kind, m.group(0), m.start()))
        taken.append((m.start(), m.end()))
    for m in _NOTE.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            found.append(Marker("note", m.group(0), m.start()))
    found.sort(key=lambda x: x.offset)
    return found


def _header(lines: list[str], mixed: frozenset) -> int:
    """How many leading lines are the header."""
    for i, line in enumerate(lines[:60]):
        if _SEPARATOR.match(line):
            return i + 1
    start = 0
    if lines and lines[0].strip() == "---":
        for i in range(1, min(len(lines), 80)):
            if lines[i].strip() == "---":
                start = i + 1
                break
    first = next((k for k in range(start, min(len(lines), start + 40))
                  if _starts_turn(lines[k], mixed) or _QUOTE.match(lines[k])), None)
    if first is not None and sum(1 for line in lines[start:first] if line.strip()) <= 12:
        return first
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    block_start = i
    while i < len(lines) and lines[i].strip():
        if _starts_turn(lines[i], mixed):
            return start if start else 0
        i += 1
    block = lines[block_start:i]
    if block and len(block) <= 10 and any(_starts_turn(line, mixed) for line in lines[i:i + 400]):
        return i
    return start


def _starts_turn(line: str, mixed: frozenset = frozenset()) -> bool:
    if _ARROWS.match(line):
        return True
    label, _rest = _split_label(line.strip(), capitals=True, mixed=mixed)
    return label is not None


def parse(text: str) -> Transcript:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if "&gt;&gt;" in text or "&gt; &gt;" in text:
        text = html.unescape(text)
    lines = text.split("\n")
    mixed = mixed_case_labels(lines)
    n = _header(lines, mixed)
    header_lines = lines[:n]
    if header_lines and _SEPARATOR.match(header_lines[-1]):
        header_lines = header_lines[:-1]
    header = "\n".join(header_lines).strip()
    turns: list[Turn] = []
    current: list[str] | None = None
    speaker: str | None = None
    last_bold = None

    def close():
        if current is None:
            return
        body = "\n".join(current).strip()
        body = re.sub(r"\n{3,}", "\n\n", body)
        turns.append(Turn(speaker, body, markers_in(body)))

    for raw in lines[n:]:
        line = raw.rstrip()
        arrows = _ARROWS.match(line)
        if arrows:
            close()
            speaker, rest = _split_label(arrows["rest"].strip(), capitals=False)
            current = [rest.strip()]
            continue
        quote = _QUOTE.match(line)
        if quote:
            # Markdown quotes: a paragraph in bold is someone else than the plain ones
            # around it (the audience and the facilitator).
            rest = quote["rest"].strip()
            bold = rest.startswith("**")
            if current is None or (rest and bold != last_bold):
                close()
                speaker, current = None, []
            if rest:
                last_bold = bold
            current.append(rest)
            continue
        stripped = line.strip()
        label, rest = (_split_label(stripped, capitals=True, mixed=mixed) if stripped
                       else (None, ""))
        if label is not None:
            close()
            speaker, current = label, [rest.strip()]
            continue
        if current is None:
            if not stripped:
                continue
            speaker, current = None, []
        current.append(stripped)
    close()
    turns = [t for t in turns if t.text or t.speaker]
    if not turns and header and not lines[n:]:
        # Nothing but one block: it is speech, not a header.
        return Transcript("", [Turn(None, header, markers_in(header))])
    return Transcript(header, turns)


# -- linking labels to people --------------------------------------------------------------

_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "h.e", "he",
           "hon", "honourable", "honorable", "ambassador", "excellency", "chair", "chairman",
           "chairwoman", "chairperson", "president", "minister", "secretary", "general",
           "under", "usg", "senator", "madam", "mister", "judge", "rev", "the"}


def _tokens(name: str) -> list[str]:
    name = unicodedata.normalize("NFKD", name.lower().replace("‑", "-"))
    name = "".join(c for c in name if not unicodedata.combining(c))
    words = re.findall(r"[^\W\d_][\w'’.-]*", name)
    return [w.strip(".-'’") for w in words if w.strip(".-'’")]


def name_tokens(name: str) -> frozenset:
    return frozenset(t for t in _tokens(name) if t not in _TITLES)


ROLE_LABELS = {"moderator": "moderator", "online moderator": "online_moderator",
               "remote moderator": "online_moderator", "rapporteur": "rapporteur"}


def match_speaker(label: str, candidates, roles=None):
    """The key of the one candidate ``label`` names, else None.

    ``candidates``: ``[(key, full name)]``, the people of the session only; ``roles``:
    ``{role: [key]}`` for labels such as ``MODERATOR``. Case, accents, titles (Mr., Dr.,
    Chair...) and word order are tolerated. The evidence must be strong, since a wrong name on
    a transcript is worse than none: the full name (``ANA MARIA GARCIA``, or its first and last
    words ``ANA GARCIA``), or a family name that no other candidate shares: the last words of
    a name (``GARCIA``, ``CHAIR ST. AMOUR``) or, after a title, its first word (``Mr. Liu`` for
    Liu Zhenmin, family name first). Never a first name alone, never initials.
    """
    if not label:
        return None
    plain = " ".join(_tokens(label))
    if roles and plain in ROLE_LABELS:
        keys = roles.get(ROLE_LABELS[plain], [])
        return keys[0] if len(keys) == 1 else None
    words = _tokens(label)
    wanted = [w for w in words if w not in _TITLES]
    if not wanted:
        return None
    titled = len(wanted) < len(words)
    names = [(key, [w for w in _tokens(name) if w not in _TITLES]) for key, name in candidates]
    exact = [key for key, tokens in names if set(tokens) == set(wanted)]
    if exact:
        return exact[0] if len(exact) == 1 else None
    if any(len(w) == 1 for w in wanted):
        return None  # initials: only a full name written out counts
    sharing = [key for key, tokens in names if set(wanted) <= set(tokens)]
    if len(sharing) != 1:
        return None
    tokens = dict(names)[sharing[0]]
    n = len(wanted)
    if n >= len(tokens):
        return None
    family = tokens[-n:] == wanted or (titled and tokens[:n] == wanted)
    first_and_last = n >= 2 and wanted[0] == tokens[0] and wanted[-1] == tokens[-1]
    return sharing[0] if family or first_and_last else None


def suggest_speaker(label: str, candidates):
    """For a label ``match_speaker`` did not link: ``(key, reason)`` of the one candidate it
    may name, for a person to confirm, else None. Reasons: ``"first_name"`` (the label is a
    first name, or a first name and initials, of one candidate only), ``"initials"`` (every
    word of the label begins a word of one candidate's name), ``"shared_name"`` (the label's
    words are in several people's names: the first of them is offered)."""
    wanted = [w for w in _tokens(label) if w not in _TITLES]
    if not wanted:
        return None
    names = [(key, [w for w in _tokens(name) if w not in _TITLES]) for key, name in candidates]
    sharing = [key for key, tokens in names if set(wanted) <= set(tokens)]
    if len(sharing) > 1:
        return sharing[0], "shared_name"
    first = [key for key, tokens in names if tokens and tokens[0] == wanted[0]
             and all(len(w) == 1 or w in tokens for w in wanted[1:])]
    if len(first) == 1:
        return first[0], "first_name"
    loose = [key for key, tokens in names
             if len(wanted) <= len(tokens)
             and all(any(t.startswith(w) for t in tokens) for w in wanted)]
    if len(loose) == 1:
        return loose[0], "initials"
    return None
