"""A small lexicon of Internet governance in the six UN languages: each concept with the words
that name it in Arabic, Chinese, English, French, Russian and Spanish. The text engine adds a
concept's token to every text naming it, so that inputs saying the same thing in different
languages share features (character n-grams alone link only languages with a common script
and roots). Forms are matched in the text lower-cased with Latin accents removed; a form is the
start of a word (``protect`` matches ``protection``), Chinese and Arabic forms anywhere.

Written for openigf from the vocabulary of the IGF's themes, tags and policy questions; it is
a seed, meant to grow with the Secretariat's own words."""

CONCEPTS: dict[str, tuple[str, ...]] = {
    "data protection": (
        "data protection", "personal data", "privacy", "protection des donnees",
        "donnees personnelles", "vie privee", "proteccion de datos", "datos personales",
        "privacidad", "защита данных", "персональн", "конфиденциальн", "неприкосновенност",
        "数据保护", "資料保護", "个人数据", "個人資料", "隐私", "隱私", "حماية البيانات",
        "البيانات الشخصية", "الخصوصية"),
    "data governance": (
        "data governance", "data flow", "cross-border data", "data sovereignty",
        "gouvernance des donnees", "flux de donnees", "gobernanza de datos",
        "flujos de datos", "управление данными", "трансграничн", "потоки данных",
        "数据治理", "數據治理", "数据流动", "跨境数据", "حوكمة البيانات", "تدفق البيانات"),
    "artificial intelligence": (
        "artificial intelligence", "ai ", "machine learning", "algorithm",
        "intelligence artificielle", " ia ", "algorithme", "inteligencia artificial",
        "algoritmo", "искусственн", "алгоритм", "машинное обучение", "人工智能",
        "人工智慧", "算法", "演算法", "الذكاء الاصطناعي", "الخوارزميات"),
    "cybersecurity": (
        "cybersecurity", "cyber security", "cyber-security", "cyberattack", "cybercrime",
        "cybersecurite", "cyberattaque", "cybercriminalite", "ciberseguridad",
        "ciberataque", "ciberdelito", "кибербезопасност", "кибератак", "киберпреступ",
        "информационная безопасность", "网络安全", "網路安全", "網絡安全", "网络攻击",
        "网络犯罪", "الأمن السيبراني", "الهجمات السيبرانية", "الجرائم الإلكترونية"),
    "trust and safety online": (
        "online safety", "child protection", "harmful content", "online abuse",
        "securite en ligne", "protection des enfants", "contenus prejudiciables",
        "seguridad en linea", "proteccion de la infancia", "contenido danino",
        "безопасность в интернете", "защита детей", "вредоносн", "网络安全教育",
        "儿童保护", "兒童保護", "有害内容", "السلامة على الإنترنت", "حماية الأطفال"),
    "stability and resilience": (
        "resilience", "stability", "critical infrastructure", "resilience",
        "stabilite", "infrastructures critiques", "resiliencia", "estabilidad",
        "infraestructura critica", "устойчивост", "стабильност", "критическ",
        "稳定", "穩定", "韧性", "關鍵基礎設施", "关键基础设施", "الاستقرار", "المرونة",
        "البنية التحتية الحيوية"),
    "access and connectivity": (
        "access", "connectivity", "broadband", "affordable", "unconnected", "rural",
        "acces", "connectivite", "haut debit", "abordable", "zones rurales", "acceso",
        "conectividad", "banda ancha", "asequible", "zonas rurales", "доступ", "подключен",
        "широкополосн", "сельск", "接入", "连接", "連接", "宽带", "寬頻", "农村", "偏遠",
        "偏远", "الوصول", "الاتصال", "النطاق العريض", "الريفية", "ميسور"),
    "digital inclusion": (
        "digital inclusion", "digital divide", "inclusion", "marginalised", "marginalized",
        "disabilit", "inclusion numerique", "fracture numerique", "handicap",
        "inclusion digital", "brecha digital", "discapacidad", "цифровая интеграция",
        "цифровое неравенство", "цифровой разрыв", "инвалид", "数字包容", "數位包容",
        "数字鸿沟", "數位落差", "残疾", "身心障礙", "الإدماج الرقمي", "الفجوة الرقمية",
        "الإعاقة"),
    "gender": (
        "gender", "women", "girls", "genre", "femmes", "filles", "genero", "mujeres",
        "ninas", "гендер", "женщин", "девочек", "性别", "性別", "妇女", "婦女", "女性",
        "النوع الاجتماعي", "المرأة", "النساء", "الفتيات"),
    "youth and education": (
        "youth", "young people", "education", "school", "students", "jeunes", "jeunesse",
        "education", "ecole", "etudiants", "jovenes", "juventud", "educacion", "escuela",
        "estudiantes", "молодеж", "образован", "школ", "студент", "青年", "年轻人",
        "教育", "学校", "學校", "الشباب", "التعليم", "المدارس", "الطلاب"),
    "digital skills": (
        "digital skills", "digital literacy", "capacity building", "training",
        "competences numeriques", "litteratie numerique", "renforcement des capacites",
        "formation", "habilidades digitales", "alfabetizacion digital",
        "desarrollo de capacidades", "capacitacion", "цифровые навыки",
        "цифровая грамотность", "наращивание потенциала", "обучени", "数字技能", "數位技能",
        "数字素养", "能力建设", "能力建設", "培训", "المهارات الرقمية", "محو الأمية الرقمية",
        "بناء القدرات", "التدريب"),
    "human rights": (
        "human rights", "freedom of expression", "censorship", "shutdown",
        "droits de l'homme", "droits humains", "liberte d'expression", "censure",
        "coupure", "derechos humanos", "libertad de expresion", "censura", "apagon",
        "права человека", "свобода выражения", "свободы слова", "цензур", "отключени",
        "人权", "人權", "言论自由", "言論自由", "审查", "審查", "断网", "حقوق الإنسان",
        "حرية التعبير", "الرقابة", "قطع الإنترنت"),
    "misinformation": (
        "misinformation", "disinformation", "fake news", "desinformation",
        "fausses nouvelles", "infox", "desinformacion", "noticias falsas",
        "дезинформаци", "фейков", "ложн", "虚假信息", "假新聞", "假新闻", "錯誤資訊",
        "المعلومات المضللة", "الأخبار الكاذبة", "التضليل"),
    "platforms and content": (
        "platform", "social media", "content moderation", "intermediar",
        "plateforme", "reseaux sociaux", "moderation des contenus", "plataforma",
        "redes sociales", "moderacion de contenido", "платформ", "социальн", "модераци",
        "平台", "社交媒体", "社群媒體", "内容审核", "內容審核", "المنصات",
        "وسائل التواصل الاجتماعي", "الإشراف على المحتوى"),
    "digital economy": (
        "digital economy", "e-commerce", "ecommerce", "digital trade", "taxation",
        "economie numerique", "commerce electronique", "fiscalite", "economia digital",
        "comercio electronico", "impuestos", "цифровая экономика", "электронная торговля",
        "налог", "数字经济", "數位經濟", "电子商务", "電子商務", "税", "稅",
        "الاقتصاد الرقمي", "التجارة الإلكترونية", "الضرائب"),
    "emerging technologies": (
        "emerging technolog", "internet of things", "iot", "blockchain", "5g",
        "technologies emergentes", "internet des objets", "tecnologias emergentes",
        "internet de las cosas", "новые технологии", "интернет вещей", "блокчейн",
        "新兴技术", "新興科技", "物联网", "物聯網", "区块链", "區塊鏈",
        "التكنولوجيات الناشئة", "إنترنت الأشياء", "سلسلة الكتل"),
    "multistakeholder governance": (
        "multistakeholder", "multi-stakeholder", "internet governance",
        "multipartite", "gouvernance de l’internet", "gouvernance de l'internet",
        "multisectorial",
        "multiples partes interesadas", "gobernanza de internet", "многосторонн",
        "управление интернетом", "多利益相关方", "多方利害關係人", "互联网治理",
        "網路治理", "أصحاب المصلحة المتعددين", "حوكمة الإنترنت"),
    "environment": (
        "environment", "climate", "e-waste", "sustainab", "environnement", "climat",
        "dechets electroniques", "durable", "medio ambiente", "clima",
        "residuos electronicos", "sostenib", "окружающ", "климат", "электронные отходы",
        "устойчивое развитие", "环境", "環境", "气候", "氣候", "电子废物", "電子廢棄物",
        "البيئة", "المناخ", "النفايات الإلكترونية", "الاستدامة"),
    "infrastructure and standards": (
        "domain name", "dns", "ipv6", "internet protocol", "standards", "interoperab",
        "noms de domaine", "normes", "nombres de dominio", "estandares", "normas tecnicas",
        "доменн", "стандарт", "совместимост", "域名", "协议", "協定", "标准", "標準",
        "أسماء النطاقات", "المعايير", "البروتوكول"),
    "local content and languages": (
        "local content", "multilingual", "local language", "indigenous",
        "contenu local", "multilinguisme", "langues locales", "autochtones",
        "contenido local", "multilinguismo", "lenguas locales", "indigenas",
        "местный контент", "многоязычи", "местных языках", "коренн", "本地内容",
        "在地內容", "多语言", "多語言", "本地语言", "原住民", "المحتوى المحلي",
        "تعدد اللغات", "اللغات المحلية", "الشعوب الأصلية"),
}
