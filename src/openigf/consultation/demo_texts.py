"""Issues for the demo call of 2019, written for openigf in the shape of the IGF's real inputs
(one or two sentences, sometimes a question, in several UN languages): per 2019 theme, issues
in English and some in the other languages; framings that vary them; and a few inputs that fit
no theme. ``compose`` turns them into about 320 inputs."""

ISSUES = {
    "data": {
        "en": [
            "Personal data must be protected when it flows across borders",
            "Cross-border data flows need common rules that respect privacy",
            "People should control the personal data that platforms collect about them",
            "Data protection laws are missing in many developing countries",
            "Algorithms and artificial intelligence that use personal data need accountability",
            "Open government data can serve development if privacy is protected",
            "Digital identity systems put personal data and privacy at risk",
            "Data localisation rules fragment the Internet and the data economy",
            "The data-driven economy concentrates value in a few countries",
            "Data governance frameworks should protect human rights and enable innovation",
            "Facial recognition and biometric data need strict privacy safeguards",
            "Health data sharing must respect data protection principles",
        ],
        "fr": [
            "La protection des données personnelles dans les flux de données transfrontaliers",
            "Les citoyens doivent garder le contrôle de leurs données personnelles et de leur "
            "vie privée",
            "Beaucoup de pays africains n’ont pas encore de loi de protection des données",
            "L’intelligence artificielle et les algorithmes utilisent nos données personnelles "
            "sans transparence",
        ],
        "es": [
            "La protección de datos personales en los flujos de datos transfronterizos",
            "La privacidad y los datos personales frente a la inteligencia artificial",
            "América Latina necesita una gobernanza de datos que proteja la privacidad",
        ],
        "zh": ["跨境数据流动中的个人数据保护和隐私问题", "人工智能算法如何使用个人数据"],
        "ar": ["حماية البيانات الشخصية والخصوصية في تدفق البيانات عبر الحدود"],
        "ru": ["Защита персональных данных при трансграничной передаче данных"],
    },
    "inclusion": {
        "en": [
            "Affordable broadband access for rural communities is still missing",
            "Half of the world is unconnected: connectivity must reach the next billion",
            "Community networks can bring access to rural and remote areas",
            "The digital divide between women and men keeps growing",
            "Digital skills and digital literacy for young people and older people",
            "Persons with disabilities need accessible websites and services",
            "Local content and local languages help digital inclusion",
            "Capacity building so that developing countries take part in Internet governance",
            "Affordable devices and access for low-income households",
            "Schools need connectivity and digital skills training for teachers",
            "Indigenous communities need access and content in their own languages",
            "Meaningful access means affordable, reliable connectivity and the skills to use it",
        ],
        "fr": [
            "L’accès haut débit abordable dans les zones rurales reste un défi",
            "La fracture numérique entre les femmes et les hommes",
            "Les compétences numériques des jeunes et l’inclusion numérique",
            "Les réseaux communautaires pour la connectivité des zones rurales d’Afrique",
        ],
        "es": [
            "Acceso asequible a la banda ancha en las zonas rurales",
            "La brecha digital de género y la inclusión digital de las mujeres",
            "Habilidades digitales para jóvenes y personas con discapacidad",
        ],
        "zh": ["为农村地区提供负担得起的宽带接入", "缩小数字鸿沟，促进数字包容"],
        "ar": ["الوصول الميسور إلى النطاق العريض في المناطق الريفية",
               "سد الفجوة الرقمية بين الجنسين"],
        "ru": ["Доступный широкополосный доступ для сельских районов"],
    },
    "security": {
        "en": [
            "Cybersecurity of critical infrastructure must be a shared responsibility",
            "Cybercrime is growing faster than the laws and the capacity to fight it",
            "Norms of responsible state behaviour in cyberspace need to be implemented",
            "Child protection online and harmful content on social media",
            "The stability and resilience of the Internet's core infrastructure",
            "Cyberattacks on hospitals and banks show how fragile we are",
            "Misinformation and disinformation undermine trust in the Internet",
            "Security of the Internet of things devices sold to consumers",
            "Cybersecurity capacity building for developing countries",
            "Online abuse and harassment of women and journalists",
            "Trust and safety online require cooperation between platforms and governments",
            "Encryption protects security and must not be weakened",
        ],
        "fr": [
            "La cybersécurité des infrastructures critiques et la lutte contre la "
            "cybercriminalité",
            "La désinformation sur les réseaux sociaux menace la confiance",
            "La protection des enfants en ligne contre les contenus préjudiciables",
        ],
        "es": [
            "La ciberseguridad de la infraestructura crítica y el ciberdelito",
            "La desinformación en las redes sociales y la confianza en internet",
        ],
        "zh": ["关键基础设施的网络安全和打击网络犯罪", "虚假信息对网络信任的威胁"],
        "ar": ["الأمن السيبراني للبنية التحتية الحيوية ومكافحة الجرائم الإلكترونية"],
        "ru": ["Кибербезопасность критической инфраструктуры и борьба с киберпреступностью",
               "Дезинформация в социальных сетях подрывает доверие"],
    },
}

# Ways people frame an issue: {issue} is the issue, lower-cased after an opening.
FRAMINGS = {
    "en": ["{Issue}.", "{Issue}. The IGF should discuss this in 2019.",
           "In my country, {issue}.", "We believe that {issue}.", "{Issue}: what can be done?",
           "{Issue}. This matters most for developing countries.",
           "{Issue}, and governments cannot solve it alone.", "Priority for 2019: {issue}."],
    "fr": ["{Issue}.", "{Issue} : que faire ?", "Dans notre pays, {issue}.",
           "{Issue}. Le FGI doit en débattre en 2019."],
    "es": ["{Issue}.", "{Issue}: ¿qué se puede hacer?", "En mi país, {issue}.",
           "{Issue}. El IGF debería debatirlo en 2019."],
    "zh": ["{Issue}。", "{Issue}是2019年的重要议题。", "{Issue}：应该怎么做？"],
    "ar": ["{Issue}.", "{Issue}: ما العمل؟", "في بلدي، {issue}."],
    "ru": ["{Issue}.", "{Issue}: что делать?", "В нашей стране: {issue}."],
}

# Inputs about no theme: the grouping lists them apart instead of forcing them in.
OTHERS = [
    ("en", "Please publish the visa information for Berlin earlier."),
    ("en", "The IGF website should show the schedule on mobile phones."),
    ("fr", "Merci d’organiser des hubs de participation à distance en Afrique de l’Ouest."),
    ("en", "More coffee breaks between sessions would help networking."),
    ("es", "Las sesiones deberían tener interpretación simultánea en español."),
    ("en", "Reduce the number of parallel sessions at the annual meeting."),
]

SPAM = ["Buy cheap followers now at followers.example", "Best casino bonus: casino.example"]

# Stakeholder groups and countries (ISO 3166 alpha-2) spread about as the IGF's inputs were.
GROUPS = {"civil_society": 40, "technical": 16, "private_sector": 14, "government": 14,
          "academia": 13, "igo": 3}
COUNTRIES = {
    "en": ["US", "GB", "IN", "NG", "KE", "ZA", "GH", "PK", "BD", "AU", "CA", "PH", "JM",
           "FJ", "UG", "LK", "DE", "NL", "SE", "NP", "TT", "TZ"],
    "fr": ["FR", "SN", "CI", "CM", "BJ", "CD", "TN", "HT", "BE", "CH", "MG", "BF"],
    "es": ["AR", "MX", "CO", "BR", "CL", "PE", "ES", "EC", "CR", "UY"],
    "zh": ["CN", "SG"],
    "ar": ["EG", "TN", "LB", "JO", "MA", "SA"],
    "ru": ["RU", "KZ", "BY", "KG", "UA", "AM"],
}
CATEGORIES = ["Cybersecurity, Trust and Privacy", "Development, Innovation and Economic Issues",
              "Digital Inclusion and Accessibility", "Human Rights, Gender and Youth",
              "Emerging Technologies", "Evolution of Internet Governance", "Media and Content",
              "Technical and Operational Topics"]
CATEGORY_OF = {"data": [0, 4, 3], "inclusion": [2, 3, 1], "security": [0, 6, 7]}


def _frame(framing: str, issue: str) -> str:
    lowered = issue if issue[:2].isupper() else issue[0].lower() + issue[1:]
    return framing.replace("{Issue}", issue).replace("{issue}", lowered)


def compose(rng, *, total: int = 320) -> list[dict]:
    """About ``total`` inputs, each ``{"text", "language", "group", "country", "theme",
    "category"}`` (``theme`` None for the few about no theme), every text different."""
    pool = []
    for theme, languages in ISSUES.items():
        for language, issues in languages.items():
            for issue in issues:
                for framing in FRAMINGS[language]:
                    pool.append((theme, language, _frame(framing, issue)))
    rng.shuffle(pool)
    # Most people state the issue plainly; a framing is the exception, as in the real calls.
    plain = [p for p in pool if p[2].rstrip(".。") in {
        i for languages in ISSUES.values() for issues in languages.values() for i in issues}]
    framed = [p for p in pool if p not in plain]
    pool = plain + framed[:max(0, total - len(plain) - len(OTHERS))]
    rng.shuffle(pool)
    chosen = pool[:total - len(OTHERS)] + [(None, language, text) for language, text in OTHERS]
    groups = list(GROUPS)
    weights = list(GROUPS.values())
    rows = []
    for theme, language, text in chosen:
        rows.append({"text": text, "language": language, "theme": theme,
                     "group": rng.choices(groups, weights)[0],
                     "country": rng.choice(COUNTRIES[language]),
                     "category": CATEGORIES[rng.choice(CATEGORY_OF[theme])] if theme else ""})
    return rows
