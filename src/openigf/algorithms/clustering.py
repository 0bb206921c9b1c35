"""The project's one text engine: short texts in any of the six UN languages represented as
vectors (``represent``) and grouped (``find_themes``, k suggested by ``suggest_k``, labels by
``distinctive_terms``). Theme discovery groups inputs with it, the IGF Messages editor groups
key takeaways with it (``group``: near-duplicates merged, texts that fit no group apart), and
the look-alike proposals and sessions are nearest neighbours in the same representation
(``similar_pairs``). scikit-learn, imported where used; no Django."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from openigf.algorithms.lexicon import CONCEPTS


@dataclass(frozen=True)
class Text:
    key: object  # e.g. (session id, report id, index)
    text: str


# --- Themes: the project's text engine ----------------------------------------------------
#
# One representation of texts in any of the six UN languages: TF-IDF of their words (of
# character pairs for Chinese and Japanese, written without spaces) and of the concepts of
# ``lexicon`` they name, one token per concept shared by every language, reduced by LSA;
# grouped into k themes by k-means.

_SCRIPT_FREE = re.compile(r"[\u0600-\u06ff\u3000-\u9fff\uf900-\ufaff]")  # Arabic, CJK


@dataclass(frozen=True)
class Theme:
    ids: list  # keys of its texts, the most representative first
    terms: list  # distinctive terms, most distinctive first
    scores: list  # closeness of each text to the theme's centre (cosine), as ``ids``

    @property
    def label(self) -> str:
        return ", ".join(self.terms[:3])


@dataclass(frozen=True)
class Themes:
    themes: list  # [Theme], largest first
    ungrouped: list  # keys of texts that fit no theme (outliers), not forced into one
    k: int


@dataclass(frozen=True)
class KSuggestion:
    k: int
    scores: dict  # k -> stability (0..1), for the reason shown beside the suggestion


def normalise(text: str) -> str:
    """Lower case, Latin accents removed, spaces collapsed: what the lexicon is matched on."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)
                    or _SCRIPT_FREE.match(unicodedata.normalize("NFC", c)))
    return " ".join(unicodedata.normalize("NFC", plain).split())


@functools.cache
def _concept_patterns() -> list:

    patterns = []
    for concept, forms in CONCEPTS.items():
        parts = []
        for form in {normalise(f) for f in forms}:
            if _SCRIPT_FREE.search(form):
                parts.append(re.escape(form))
            elif len(form) <= 3:
                parts.append(rf"(?<!\w){re.escape(form)}(?!\w)")
            else:
                parts.append(rf"(?<!\w){re.escape(form)}")
        patterns.append((concept, re.compile("|".join(sorted(parts, key=len, reverse=True)))))
    return patterns


def concepts(text: str) -> list[str]:
    """The lexicon's concepts ``text`` names, in the lexicon's order."""
    return list(_concepts(text))


@functools.lru_cache(maxsize=8192)
def _concepts(text: str) -> tuple:
    # Kept: the representation and the labels of one grouping both ask for every text.
    plain = normalise(text)
    return tuple(concept for concept, pattern in _concept_patterns() if pattern.search(plain))


def _concept_token(concept: str) -> str:
    return "zzc" + re.sub(r"\W", "", concept)


# A concept counts as a word said this many times: in short texts it is what links the
# languages, in long ones it is one word among many.
CONCEPT_REPEATS = 6
_WORD = re.compile(r"(?u)\b\w\w+\b")
_NO_SPACES = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+")  # CJK, kana


def tokens(text: str) -> list[str]:
    """The words of ``text`` (normalised, stop words out), a Chinese or Japanese run as its
    pairs of characters, and one token per lexicon concept it names."""
    words = []
    for word in _WORD.findall(normalise(text)):
        run = _NO_SPACES.fullmatch(word)
        if run:
            words += [word[i:i + 2] for i in range(max(1, len(word) - 1))]
        elif _NO_SPACES.search(word):
            for part in re.split(f"({_NO_SPACES.pattern})", word):
                if _NO_SPACES.fullmatch(part):
                    words += [part[i:i + 2] for i in range(max(1, len(part) - 1))]
                elif len(part) > 1 and part not in _stop_set():
                    words.append(part)
        elif word not in _stop_set():
            words.append(word)
    return words + [_concept_token(c) for c in concepts(text)] * CONCEPT_REPEATS


def _one_thread(func):
    """Run ``func`` with numerical libraries on one thread: on a small shared machine their
    thread pools fight over the cores and make k-means fifty times slower."""

    @functools.wraps(func)
    def run(*args, **kwargs):
        from threadpoolctl import threadpool_limits  # noqa: PLC0415 heavy, loaded when used

        with threadpool_limits(limits=1):
            return func(*args, **kwargs)

    return run


# Weight of the character n-grams beside the words: they link words of a common root across
# languages written in one script (protection, protección).
CHARACTERS = 0.5


@_one_thread
def represent(texts: list[str], *, dimensions: int = 100, seed: int = 0):
    """Unit-length vectors of ``texts`` (a dense array, one row each) in which texts that say
    the same thing are close, whichever UN language they are written in: TF-IDF of their
    ``tokens`` reduced to ``dimensions`` by LSA. In ten texts or more, a token found in over
    half of them is dropped (it says nothing about which group a text is in)."""
    import numpy as np  # noqa: PLC0415 heavy, loaded when used
    from scipy.sparse import hstack  # noqa: PLC0415 heavy, loaded when used
    from sklearn.decomposition import TruncatedSVD  # noqa: PLC0415 heavy, loaded when used
    from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: PLC0415 heavy, loaded when used
    from sklearn.preprocessing import normalize  # noqa: PLC0415 heavy, loaded when used

    if not texts:
        return np.zeros((0, 1))
    max_df = 0.5 if len(texts) >= 10 else 1.0
    blocks = []
    for weight, options in ((1.0, {"analyzer": tokens}),
                            (CHARACTERS, {"analyzer": "char_wb", "ngram_range": (3, 4),
                                          "preprocessor": normalise, "max_features": 30000})):
        try:
            blocks.append(weight * TfidfVectorizer(sublinear_tf=True, max_df=max_df, **options)
                          .fit_transform(texts))
        except ValueError:  # nothing left to count (empty texts, only stop words)
            continue
    if not blocks:
        return np.zeros((len(texts), 1))
    features = hstack(blocks).tocsr()
    n_components = min(dimensions, features.shape[0] - 1, features.shape[1] - 1)
    if n_components < 2:
        return normalize(features.toarray())
    reduced = TruncatedSVD(n_components=n_components, random_state=seed).fit_transform(
        features)
    return normalize(reduced)


@functools.cache
def _concept_names() -> tuple:

    return tuple(CONCEPTS)


@functools.cache
def _stop_set() -> frozenset:

    return frozenset(_stop_words())


@functools.cache
def _stop_words() -> list:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # noqa: PLC0415 heavy, loaded when used

    return sorted(ENGLISH_STOP_WORDS | _OTHER_STOP_WORDS)


_OTHER_STOP_WORDS = frozenset(str.split(
    "le la les des du de un une et en est que qui dans pour par sur au aux ce ces il elle ils "
    "nous vous sont pas plus ou se sa son leurs leur avec comme etre tres doit il faut "
    "el los las del y que en un una por con para es al lo se su sus mas como pero sobre "
    "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только "
    "ее мне было вот от меня еще нет о из ему для это этот эти при"))


STABLE_RUNS = 8  # groupings of resampled texts compared for each k
SAMPLE_SHARE = 0.8  # share of the texts in each resample


@_one_thread
def suggest_k(texts: list[str], *, low: int = 2, high: int = 12, seed: int = 0,
              vectors=None) -> KSuggestion:
    """A number of themes in ``low..high`` (at most one less than the number of texts) and
    the stability of every k tried: group ``STABLE_RUNS`` random samples of the texts
    (``SAMPLE_SHARE`` each) into k themes and measure how much the groupings of every two
    samples agree on all the texts (adjusted Rand index: 0 as by chance, 1 the same). The
    suggestion is the k whose stability rises the most over one theme fewer (the gap: with
    it the texts fall into themes they keep coming back to; beyond it, themes are split
    about as unsteadily as before), else the most stable k."""
    import numpy as np  # noqa: PLC0415 heavy, loaded when used
    from sklearn.cluster import KMeans  # noqa: PLC0415 heavy, loaded when used

    vectors = represent(texts, seed=seed) if vectors is None else vectors
    n = len(texts)
    high = min(high, n - 1)
    if high < low:
        return KSuggestion(max(1, min(low, n)), {})
    rng = np.random.default_rng(seed)
    size = max(high + 1, int(SAMPLE_SHARE * n))
    samples = [rng.choice(n, size=size, replace=False) for _ in range(STABLE_RUNS)]
    scores = {}
    for k in range(low, high + 1):
        labels = [KMeans(n_clusters=k, n_init=1, random_state=seed + r)
                  .fit(vectors[sample]).predict(vectors)
                  for r, sample in enumerate(samples)]
        agreement = [_rand_index(labels[i], labels[j], k)
                     for i in range(len(labels)) for j in range(i + 1, len(labels))]
        scores[k] = round(float(np.mean(agreement)), 3)
    ks = sorted(scores)
    gains = {k: scores[k] - scores[prev] for prev, k in zip(ks, ks[1:], strict=False)}
    best = (max(gains, key=lambda k: (gains[k], -k)) if gains and max(gains.values()) > 0
            else max(ks, key=lambda k: (scores[k], -k)))
    return KSuggestion(best, scores)


def _rand_index(a, b, k: int) -> float:
    """Adjusted Rand index of two labellings into ``k`` groups (as scikit-learn's, without
    its checks: it runs hundreds of times per suggestion)."""
    import numpy as np  # noqa: PLC0415 heavy, loaded when used

    table = np.bincount(a * k + b, minlength=k * k).reshape(k, k).astype(float)
    pairs = lambda x: (x * (x - 1) / 2).sum()  # noqa: E731
    together, rows, cols = pairs(table), pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    total = len(a) * (len(a) - 1) / 2
    expected = rows * cols / total if total else 0.0
    top = (rows + cols) / 2 - expected
    return float((together - expected) / top) if top else 1.0


@_one_thread
def find_themes(texts: list[Text], *, k: int, seed: int = 0, outlier_share: float = 0.4,
                terms: int = 8, vectors=None) -> Themes:
    """Group ``texts`` into ``k`` themes. A text much farther from the centre of its theme's
    other texts than the theme's typical text (below ``outlier_share`` of the theme's median
    closeness to the others), or alone in its theme, is left ungrouped rather than forced in."""
    import numpy as np  # noqa: PLC0415 heavy, loaded when used
    from sklearn.cluster import KMeans  # noqa: PLC0415 heavy, loaded when used

    if not 1 <= k <= len(texts):
        raise ValueError(f"k must be between 1 and the number of texts ({len(texts)})")
    if vectors is None:
        vectors = represent([t.text for t in texts], seed=seed)
    labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(vectors)
    members = {c: np.flatnonzero(labels == c) for c in range(k)}
    closeness = np.zeros(len(texts))
    to_others = np.zeros(len(texts))  # closeness to the centre of the theme's other texts
    for idx in members.values():
        if not len(idx):
            continue
        total = vectors[idx].sum(axis=0)
        closeness[idx] = vectors[idx] @ (total / (np.linalg.norm(total) or 1.0))
        for i in idx:
            others = total - vectors[i]
            to_others[i] = vectors[i] @ (others / (np.linalg.norm(others) or 1.0))
    ungrouped, kept = [], {}
    for c, idx in members.items():
        floor = outlier_share * float(np.median(to_others[idx])) if len(idx) else 0
        inside = [i for i in idx if to_others[i] >= floor and len(idx) > 1]
        ungrouped += [i for i in idx if i not in inside]
        if inside:
            kept[c] = sorted(inside, key=lambda i: -closeness[i])
    words = (distinctive_terms([[texts[i].text for i in idx] for idx in kept.values()],
                               top=terms) if terms else [[] for _ in kept])
    themes = [Theme([texts[i].key for i in idx], words[n],
                    [round(float(closeness[i]), 3) for i in idx])
              for n, idx in enumerate(kept.values())]
    themes.sort(key=lambda t: (-len(t.ids), t.label))
    return Themes(themes, [texts[i].key for i in sorted(ungrouped)], k)


# --- Key takeaways into IGF Messages --------------------------------------------------------

@dataclass
class Group:
    texts: list = field(default_factory=list)  # [Text], the most central first
    duplicates: list = field(default_factory=list)  # [(kept key, merged key)]

    @property
    def label(self) -> str:
        return self.texts[0].text if self.texts else ""


@dataclass(frozen=True)
class Grouped:
    groups: list  # [Group], largest first
    ungrouped: list  # [Group] of one text each (with its duplicates): fit no group
    k: int  # the number of groups asked of the engine
    suggestion: KSuggestion | None  # when k was not given


@_one_thread
def group(texts: list[Text], *, k: int | None = None, duplicate: float = 0.8,
          seed: int = 0) -> Grouped:
    """Group ``texts`` as theme discovery does (k from ``suggest_k`` unless given); in each
    group and among the texts that fit none, a text at least ``duplicate`` alike (cosine in
    the engine's representation) to one before it is merged into that one."""
    if not texts:
        return Grouped([], [], 0, None)
    vectors = represent([t.text for t in texts], seed=seed)
    suggestion = None
    if k is None:
        suggestion = suggest_k([t.text for t in texts], vectors=vectors, seed=seed)
        k = suggestion.k
    k = max(1, min(k, len(texts)))
    indexed = [Text(i, t.text) for i, t in enumerate(texts)]
    themes = find_themes(indexed, k=k, seed=seed, vectors=vectors, terms=0)

    def merged(idx):
        kept, pairs = [], []
        for i in idx:
            twin = next((j for j in kept if float(vectors[i] @ vectors[j]) >= duplicate), None)
            if twin is None:
                kept.append(i)
            else:
                pairs.append((texts[twin].key, texts[i].key))
        return kept, pairs

    groups, apart = [], []
    for theme in themes.themes:
        kept, pairs = merged(theme.ids)
        groups.append(Group([texts[i] for i in kept], pairs))
    kept, pairs = merged(themes.ungrouped)
    for i in kept:
        apart.append(Group([texts[i]], [p for p in pairs if p[0] == texts[i].key]))
    groups.sort(key=lambda g: (-(len(g.texts) + len(g.duplicates)), g.label))
    apart.sort(key=lambda g: (-len(g.duplicates), g.label))
    return Grouped(groups, apart, k, suggestion)


# --- Look-alikes ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Document:
    key: object
    text: str
    owners: frozenset = field(default_factory=frozenset)  # e.g. organiser keys


@dataclass(frozen=True)
class Pair:
    a: object
    b: object
    score: float  # text similarity, 0..1
    shared_owners: frozenset
    same_owners: bool  # every owner of one is an owner of the other


NEIGHBOURS = 10  # a document's nearest neighbours considered as its look-alikes


def similar_pairs(documents: list[Document], *, threshold: float = 0.35,
                  limit: int = 200) -> list[Pair]:
    """Pairs of documents in which one is among the other's ``NEIGHBOURS`` nearest in the
    engine's representation (``represent``) with a cosine of at least ``threshold`` (the
    ``limit`` most alike, most alike first), then every pair with the same owners whose text
    is less alike."""
    if len(documents) < 2:
        return []
    import numpy as np  # noqa: PLC0415 heavy, loaded when used

    vectors = represent([d.text or "" for d in documents])
    scores = np.clip(vectors @ vectors.T, 0.0, 1.0)
    np.fill_diagonal(scores, 0.0)
    pairs = {}
    nearest = np.argsort(-scores, axis=1)[:, :NEIGHBOURS]
    for i, row in enumerate(nearest):
        for j in row:
            if scores[i, j] >= threshold:
                pairs[(min(i, j), max(i, j))] = float(scores[i, j])
    by_owners = {}
    for i, d in enumerate(documents):
        if d.owners:
            by_owners.setdefault(d.owners, []).append(i)
    for indices in by_owners.values():
        for x, i in enumerate(indices):
            for j in indices[x + 1:]:
                pairs.setdefault((i, j), float(scores[i, j]))
    result = []
    for (i, j), value in pairs.items():
        a, b = documents[i], documents[j]
        same = bool(a.owners) and a.owners == b.owners
        result.append(Pair(a.key, b.key, round(value, 3), frozenset(a.owners & b.owners), same))
    result.sort(key=lambda p: (-p.score, str(p.a), str(p.b)))
    alike = [p for p in result if p.score >= threshold][:limit]
    return alike + [p for p in result if p.score < threshold]


def distinctive_terms(groups: list[list[str]], *, top: int = 8) -> list[list[str]]:
    """For each group of texts, the terms frequent in it and rare in the others (class-based
    TF-IDF); the lexicon's concepts count as terms, so a theme written in several languages
    is labelled in English by what it is about."""
    import numpy as np  # noqa: PLC0415 heavy, loaded when used
    from sklearn.feature_extraction.text import CountVectorizer  # noqa: PLC0415 heavy, loaded when used

    documents = []
    for texts in groups:
        found = [_concept_token(c) for t in texts for c in concepts(t)]
        documents.append(" ".join([normalise(t) for t in texts] + found))
    if not documents:
        return []
    try:
        vectoriser = CountVectorizer(stop_words=_stop_words(), ngram_range=(1, 2),
                                     token_pattern=r"(?u)\b[^\W\d_]{3,}\b")
        counts = vectoriser.fit_transform(documents).toarray().astype(float)
    except ValueError:
        return [[] for _ in groups]
    vocabulary = vectoriser.get_feature_names_out()
    readable = {_concept_token(c): c for c in _concept_names()}
    frequency = counts.sum(axis=0)
    average = counts.sum() / len(documents)
    idf = np.log(1 + average / np.maximum(frequency, 1))
    result = []
    for row in counts:
        weights = (row / max(row.sum(), 1)) * idf
        ranked = [vocabulary[j] for j in np.argsort(-weights) if row[j] > 1 or len(groups) == 1]
        picked = []
        for term in ranked:
            term = readable.get(term, term)
            if "zzc" in term or any(term in p or p in term for p in picked):
                continue
            picked.append(term)
            if len(picked) == top:
                break
        result.append(picked)
    return result
