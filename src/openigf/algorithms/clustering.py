"""Group short texts by what they say: key takeaways by similarity (near-duplicates merged,
keeping where each came from), and inputs into k themes in any of the six UN languages
(``find_themes``, with ``represent``, ``suggest_k`` and ``distinctive_terms``). scikit-learn,
imported where used; no Django."""

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


@dataclass
class Group:
    texts: list = field(default_factory=list)  # [Text], the most central first
    duplicates: list = field(default_factory=list)  # [(kept key, merged key)]

    @property
    def label(self) -> str:
        return self.texts[0].text if self.texts else ""


def group(texts: list[Text], *, threshold: float = 0.25, duplicate: float = 0.8) -> list[Group]:
    """Single-link groups of texts at least ``threshold`` alike; texts at least ``duplicate``
    alike are merged into the first. Largest groups first."""
    if not texts:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: PLC0415 heavy (scikit-learn), loaded only when used
    from sklearn.metrics.pairwise import cosine_similarity  # noqa: PLC0415 heavy (scikit-learn), loaded only when used

    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True,
                                 ngram_range=(1, 2)).fit_transform([t.text for t in texts])
        sim = cosine_similarity(matrix)
    except ValueError:
        return [Group([t]) for t in texts]
    n = len(texts)
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    merged_into = {}
    for i in range(n):
        for j in range(i + 1, n):
            if sim[i, j] >= threshold:
                parent[find(j)] = find(i)
            if sim[i, j] >= duplicate and j not in merged_into and i not in merged_into:
                merged_into[j] = i
    members = {}
    for i in range(n):
        members.setdefault(find(i), []).append(i)
    groups = []
    for idx in members.values():
        kept = [i for i in idx if i not in merged_into]
        centrality = {i: sum(sim[i, j] for j in idx) for i in kept}
        kept.sort(key=lambda i: -centrality[i])
        groups.append(Group([texts[i] for i in kept],
                            [(texts[merged_into[i]].key, texts[i].key) for i in idx
                             if i in merged_into]))
    groups.sort(key=lambda g: (-(len(g.texts) + len(g.duplicates)), g.label))
    return groups


# --- Themes: the project's text engine ----------------------------------------------------
#
# One representation of short texts in any of the six UN languages (word TF-IDF, character
# n-gram TF-IDF, and the concepts of ``lexicon`` they name, reduced by LSA), grouped into k
# themes by k-means; theme discovery, and whatever else groups texts, use it.

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
    scores: dict  # k -> silhouette, for the reason shown beside the suggestion


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
    plain = normalise(text)
    return [concept for concept, pattern in _concept_patterns() if pattern.search(plain)]


def _concept_token(concept: str) -> str:
    return "zzc" + re.sub(r"\W", "", concept)


# Weights of the three kinds of feature (measured on the Polis consultations with their
# translations, tests/algorithms/test_themes.py).
WEIGHTS = {"words": 1.0, "characters": 1.0, "ngrams": (2, 4), "concepts": 1.4}


def _one_thread(func):
    """Run ``func`` with numerical libraries on one thread: on a small shared machine their
    thread pools fight over the cores and make k-means fifty times slower."""

    @functools.wraps(func)
    def run(*args, **kwargs):
        from threadpoolctl import threadpool_limits  # noqa: PLC0415 heavy, loaded when used

        with threadpool_limits(limits=1):
            return func(*args, **kwargs)

    return run


@_one_thread
def represent(texts: list[str], *, dimensions: int = 100, seed: int = 0):
    """Unit-length vectors of ``texts`` (a dense array, one row each) in which texts that say
    the same thing are close, whichever UN language they are written in."""
    import numpy as np  # noqa: PLC0415 heavy, loaded when used
    from scipy.sparse import csr_matrix, hstack  # noqa: PLC0415 heavy, loaded when used
    from sklearn.decomposition import TruncatedSVD  # noqa: PLC0415 heavy, loaded when used
    from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: PLC0415 heavy, loaded when used
    from sklearn.preprocessing import normalize  # noqa: PLC0415 heavy, loaded when used

    plain = [normalise(t) for t in texts]
    blocks = []
    for weight, options in ((WEIGHTS["words"], {"analyzer": "word",
                                                "stop_words": _stop_words(),
                                                "token_pattern": r"(?u)\b\w\w+\b"}),
                            (WEIGHTS["characters"], {"analyzer": "char_wb",
                                                     "ngram_range": WEIGHTS["ngrams"],
                                                     "max_features": 30000})):
        try:
            matrix = TfidfVectorizer(sublinear_tf=True, min_df=1, max_df=0.5,
                                     **options).fit_transform(plain)
            blocks.append(weight * matrix)
        except ValueError:  # nothing left to count (empty texts, only stop words)
            continue
    names = list(_concept_names())
    rows = np.zeros((len(texts), len(names)))
    for i, text in enumerate(texts):
        for concept in concepts(text):
            rows[i, names.index(concept)] = 1.0
    if rows.any():
        idf = np.log((1 + len(texts)) / (1 + rows.sum(axis=0))) + 1
        blocks.append(WEIGHTS["concepts"] * csr_matrix(normalize(rows * idf)))
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
def _stop_words() -> list:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # noqa: PLC0415 heavy, loaded when used

    return sorted(ENGLISH_STOP_WORDS | _OTHER_STOP_WORDS)


_OTHER_STOP_WORDS = frozenset(str.split(
    "le la les des du de un une et en est que qui dans pour par sur au aux ce ces il elle ils "
    "nous vous sont pas plus ou se sa son leurs leur avec comme etre tres doit il faut "
    "el los las del y que en un una por con para es al lo se su sus mas como pero sobre "
    "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только "
    "ее мне было вот от меня еще нет о из ему для это этот эти при"))


@_one_thread
def suggest_k(texts: list[str], *, low: int = 2, high: int = 12, seed: int = 0,
              vectors=None) -> KSuggestion:
    """The number of themes in ``low..high`` whose k-means grouping separates the texts best
    (highest silhouette), with every k's score."""
    from sklearn.cluster import KMeans  # noqa: PLC0415 heavy, loaded when used
    from sklearn.metrics import silhouette_score  # noqa: PLC0415 heavy, loaded when used

    vectors = represent(texts, seed=seed) if vectors is None else vectors
    high = min(high, len(texts) - 1)
    scores = {}
    for k in range(low, high + 1):
        labels = KMeans(n_clusters=k, n_init=4, random_state=seed).fit_predict(vectors)
        if len(set(labels)) > 1:
            scores[k] = round(float(silhouette_score(vectors, labels, metric="cosine")), 3)
    best = max(scores, key=lambda k: (scores[k], -k)) if scores else max(1, min(low, len(texts)))
    return KSuggestion(best, scores)


@_one_thread
def find_themes(texts: list[Text], *, k: int, seed: int = 0, outlier_share: float = 0.4,
                terms: int = 8) -> Themes:
    """Group ``texts`` into ``k`` themes. A text much farther from its theme's centre than
    the theme's typical text (below ``outlier_share`` of the theme's median closeness), or
    alone in its theme, is left ungrouped rather than forced in."""
    import numpy as np  # noqa: PLC0415 heavy, loaded when used
    from sklearn.cluster import KMeans  # noqa: PLC0415 heavy, loaded when used

    if not 1 <= k <= len(texts):
        raise ValueError(f"k must be between 1 and the number of texts ({len(texts)})")
    vectors = represent([t.text for t in texts], seed=seed)
    labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(vectors)
    members = {c: np.flatnonzero(labels == c) for c in range(k)}
    closeness = np.zeros(len(texts))
    for idx in members.values():
        centre = vectors[idx].mean(axis=0)
        norm = np.linalg.norm(centre) or 1.0
        closeness[idx] = vectors[idx] @ (centre / norm)
    ungrouped, kept = [], {}
    for c, idx in members.items():
        floor = outlier_share * float(np.median(closeness[idx])) if len(idx) else 0
        inside = [i for i in idx if closeness[i] >= floor and len(idx) > 1]
        ungrouped += [i for i in idx if i not in inside]
        if inside:
            kept[c] = sorted(inside, key=lambda i: -closeness[i])
    words = distinctive_terms([[texts[i].text for i in idx] for idx in kept.values()],
                              top=terms)
    themes = [Theme([texts[i].key for i in idx], words[n],
                    [round(float(closeness[i]), 3) for i in idx])
              for n, idx in enumerate(kept.values())]
    themes.sort(key=lambda t: (-len(t.ids), t.label))
    return Themes(themes, [texts[i].key for i in sorted(ungrouped)], k)


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
