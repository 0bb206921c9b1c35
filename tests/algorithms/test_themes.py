"""The text engine's themes: real consultation comments with translations, inputs in the six
UN languages, k suggested with its reason, outliers left out, labels."""

import csv
import json
from pathlib import Path

import pytest

from openigf.algorithms.clustering import (
    Text,
    concepts,
    distinctive_terms,
    find_themes,
    normalise,
    suggest_k,
)

DATA = Path("/work/shared/data/sessions")
TRANSLATIONS = Path(__file__).parent / "data" / "electoral-reform-translations.json"


def _together(result, pairs) -> int:
    where = {key: n for n, theme in enumerate(result.themes) for key in theme.ids}
    return sum(1 for a, b in pairs if a in where and where[a] == where.get(b))


@pytest.mark.shared_data
def test_translations_of_real_comments_land_with_their_originals():
    """174 comments of the Polis consultation on Canadian electoral reform and translations of
    ten of them (French, Spanish, Russian, Chinese): measured 5 to 7 of 10 pairs together at
    k = 5, 8 and 12 (seeds 0 and 1), where words alone keep about 1 in k together."""
    path = DATA / "polis-canadian-electoral-reform.comments.csv"
    if not path.exists():
        pytest.skip("shared data missing")
    with path.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["moderated"] != "-1"]
    translations = json.loads(TRANSLATIONS.read_text())["translations"]
    texts = [Text(r["comment-id"], r["comment-body"]) for r in rows]
    texts += [Text("t" + t["of"], t["text"]) for t in translations]
    pairs = [(t["of"], "t" + t["of"]) for t in translations]
    kept = [_together(find_themes(texts, k=k, seed=0), pairs) for k in (5, 8, 12)]
    assert min(kept) >= 5, kept


IGF = [
    ("d1", "Protection of personal data and privacy when data flows across borders."),
    ("d2", "La protection des données personnelles et la vie privée dans les flux de données "
           "transfrontaliers."),
    ("d3", "La protección de datos personales y la privacidad en los flujos de datos "
           "transfronterizos."),
    ("d4", "跨境数据流动中的个人数据保护和隐私。"),
    ("d5", "حماية البيانات الشخصية والخصوصية عند تدفق البيانات عبر الحدود."),
    ("d6", "Защита персональных данных и неприкосновенность частной жизни при "
           "трансграничной передаче данных."),
    ("i1", "Affordable broadband access for rural communities and the unconnected."),
    ("i2", "Un accès haut débit abordable pour les zones rurales et les non-connectés."),
    ("i3", "Acceso asequible a la banda ancha para las zonas rurales."),
    ("i4", "为农村社区提供负担得起的宽带接入。"),
    ("i5", "الوصول الميسور إلى النطاق العريض للمجتمعات الريفية."),
    ("i6", "Доступный широкополосный доступ для сельских сообществ."),
    ("s1", "Cybersecurity of critical infrastructure and the fight against cybercrime."),
    ("s2", "La cybersécurité des infrastructures critiques et la lutte contre la "
           "cybercriminalité."),
    ("s3", "La ciberseguridad de la infraestructura crítica y la lucha contra el ciberdelito."),
    ("s4", "关键基础设施的网络安全和打击网络犯罪。"),
    ("s5", "الأمن السيبراني للبنية التحتية الحيوية ومكافحة الجرائم الإلكترونية."),
    ("s6", "Кибербезопасность критической инфраструктуры и борьба с киберпреступностью."),
]


def test_the_same_issue_in_the_six_un_languages_lands_in_one_theme():
    result = find_themes([Text(k, t) for k, t in IGF], k=3)
    assert sorted(sorted(theme.ids) for theme in result.themes) == [
        [f"d{i}" for i in range(1, 7)], [f"i{i}" for i in range(1, 7)],
        [f"s{i}" for i in range(1, 7)]]
    labels = {theme.ids[0][0]: theme.terms for theme in result.themes}
    assert "data protection" in labels["d"] and "cybersecurity" in labels["s"]


def test_suggested_k_comes_with_every_score():
    suggestion = suggest_k([t for _k, t in IGF], high=6)
    assert suggestion.k == 3
    assert sorted(suggestion.scores) == [2, 3, 4, 5, 6]
    assert suggestion.scores[3] == max(suggestion.scores.values())


def test_a_text_about_something_else_is_left_ungrouped():
    texts = [Text(k, t) for k, t in IGF] + [Text("x", "Bake the bread at two hundred degrees.")]
    result = find_themes(texts, k=3)
    assert "x" in result.ungrouped
    assert sum(len(t.ids) for t in result.themes) + len(result.ungrouped) == len(texts)


def test_k_out_of_range_is_refused():
    with pytest.raises(ValueError, match="between 1 and the number of texts"):
        find_themes([Text(1, "one"), Text(2, "two")], k=3)


def test_lexicon_matches_word_starts_and_scripts_without_spaces():
    assert normalise("  Protección  de DATOS ") == "proteccion de datos"
    assert concepts("Protección de datos") == ["data protection"]
    assert concepts("数据保护很重要") == ["data protection"]
    assert concepts("Explain the rules") == []  # "ai" is a whole word, not a word's part
    first, second = distinctive_terms([["rural broadband access", "rural broadband"],
                                       ["cyber attacks on banks", "cyber attacks"]], top=3)
    assert "access and connectivity" in first and "broadband" in first
    assert "cyber" in second and "broadband" not in second


def test_suggested_k_on_the_demo_call_for_issues_is_near_its_three_themes():
    """The demo's 320 inputs are about the three 2019 themes (and a handful about none);
    silhouette suggested 7 or 8, the gain in stability suggests 3 or 4."""
    import random  # noqa: PLC0415 only this test composes the demo

    from openigf.consultation.demo_texts import compose  # noqa: PLC0415

    texts = [row["text"] for row in compose(random.Random("2019:consultation.inputs"))]
    suggestion = suggest_k(texts, high=10)
    assert 3 <= suggestion.k <= 4, suggestion
