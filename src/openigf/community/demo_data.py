"""Content of the community demo: the NRIs of January 2020 (88 national, 18 regional, 19
youth), the 18 Dynamic Coalitions and the four Best Practice Forums of 2019, the MAG working
groups, and donors. Names follow the IGF's public lists; amounts are illustrative."""

# 88 national initiatives (ISO alpha-2), in the order African, Asia-Pacific, Eastern European,
# GRULAC, WEOG.
NATIONAL = [
    "BJ", "BF", "CM", "TD", "CD", "CI", "GM", "GH", "GN", "KE", "MW", "ML", "MZ", "NA", "NE",
    "NG", "SN", "SL", "ZA", "TZ", "TG", "TN", "UG", "ZM", "ZW", "AF", "BD", "BT", "KH", "IN",
    "ID", "JP", "KZ", "KG", "LB", "MN", "NP", "PK", "LK", "TJ", "VU", "KR", "AL", "AM", "AZ",
    "BY", "BA", "BG", "HR", "GE", "ME", "MK", "PL", "MD", "RO", "RU", "RS", "SI", "UA", "AR",
    "BO", "BR", "CL", "CO", "CR", "DO", "EC", "GT", "HT", "MX", "PA", "PE", "TT", "UY", "CA",
    "DK", "FI", "FR", "DE", "IT", "MT", "NL", "PT", "ES", "CH", "TR", "GB", "US",
]
SHORT_NAMES = {"CD": "DR Congo", "TZ": "Tanzania", "BO": "Bolivia", "GB": "UK",
               "KR": "Korea", "MD": "Moldova", "MK": "North Macedonia", "RU": "Russia"}
SPECIAL_NAMES = {"US": "IGF-USA", "GB": "UK IGF", "DE": "IGF Deutschland",
                 "RU": "Russian Internet Governance Forum"}
# Youth: 15 national, 4 regional.
YOUTH_NATIONAL = [
    "AM", "BD", "BR", "TD", "DE", "GH", "MX", "NG", "PK", "PT", "RU", "TG", "TN", "UG", "ZA",
]
YOUTH_REGIONAL = [
    ("Youth LACIGF", "grulac", "Latin America and the Caribbean"),
    ("YouthDIG", "weog", "Europe"),
    ("Asia Pacific Youth IGF", "asia_pacific", "Asia and the Pacific"),
    ("Youth IGF Africa", "african", "Africa"),
]
REGIONAL = [  # name, acronym, region, area
    ("African Internet Governance Forum", "AfIGF", "african", "Africa"),
    ("Asia Pacific Regional Internet Governance Forum", "APrIGF", "asia_pacific",
     "Asia and the Pacific"),
    ("European Dialogue on Internet Governance", "EuroDIG", "weog", "Europe"),
    ("Latin American and Caribbean Internet Governance Forum", "LACIGF", "grulac",
     "Latin America and the Caribbean"),
    ("Arab Internet Governance Forum", "Arab IGF", "asia_pacific", "Arab region"),
    ("Caribbean Internet Governance Forum", "CIGF", "grulac", "Caribbean"),
    ("Central Africa Internet Governance Forum", "FGI-AC", "african", "Central Africa"),
    ("West Africa Internet Governance Forum", "WAIGF", "african", "West Africa"),
    ("Southern Africa Internet Governance Forum", "SAIGF", "african", "Southern Africa"),
    ("East African Internet Governance Forum", "EAIGF", "african", "East Africa"),
    ("North Africa Internet Governance Forum", "NAIGF", "african", "North Africa"),
    ("South Eastern European Dialogue on Internet Governance", "SEEDIG", "eeg",
     "South Eastern Europe"),
    ("Central Asian Internet Governance Forum", "CAIGF", "asia_pacific", "Central Asia"),
    ("Pacific Internet Governance Forum", "PIGF", "asia_pacific", "Pacific Islands"),
    ("Commonwealth Internet Governance Forum", "CIGF", "weog", "Commonwealth countries"),
    ("Nordic Internet Governance Forum", "NordicIGF", "weog", "Nordic countries"),
    ("Baltic Internet Governance Forum", "BIGF", "eeg", "Baltic states"),
    ("Internet Governance Forum of the Portuguese-speaking countries", "IGF Lusófono", "weog",
     "Portuguese-speaking countries"),
]
# Initiatives beside the 125 listed: some lapsed for want of the 2019 report, two waiting.
LAPSED = [
    "SO", "YE", "LY",
]
PENDING = [("Namibia Youth IGF", "youth", "NA"), ("Eswatini IGF", "national", "SZ")]

TOPICS = [
    "Access and connectivity", "Cybersecurity and trust", "Data protection and privacy",
    "Digital inclusion", "Emerging technologies", "Human rights online", "Digital economy",
    "Local content and languages", "Child online protection", "Gender and access",
    "Community networks", "Artificial intelligence", "Internet governance capacity building",
    "Youth participation", "Disinformation", "Critical Internet resources",
]

COALITIONS = [  # name, acronym, founded, need, plan
    ("Dynamic Coalition on Accessibility and Disability", "DCAD", 2007,
     "Persons with disabilities are left out when platforms, content and policy processes "
     "ignore accessibility.",
     "Review the accessibility of IGF meetings and online tools; publish guidelines; bring "
     "persons with disabilities into sessions as speakers."),
    ("Dynamic Coalition on Blockchain Technologies", "DC-Blockchain", 2016,
     "Distributed ledgers raise questions of law, identity and governance that no single "
     "stakeholder group can answer.",
     "Map regulatory approaches; draft a model law on blockchain-based organisations."),
    ("Dynamic Coalition on Child Online Safety", "DC-COS", 2007,
     "Children are a third of Internet users and need protection that respects their rights.",
     "Share good practice on safety by design; contribute to the BPF outputs and the Messages."),
    ("Dynamic Coalition on Community Connectivity", "DC3", 2016,
     "Community networks connect places that markets leave out, but face regulatory barriers.",
     "Publish a yearly report on community networks and policy recommendations for "
     "regulators."),
    ("Dynamic Coalition on Core Internet Values", "DC-CIV", 2008,
     "The open, end-to-end, interoperable architecture of the Internet is under pressure.",
     "Discuss how the core values apply to new technologies; a session at each annual meeting."),
    ("Dynamic Coalition on Data and Trust", "DC-DT", 2019,
     "Trust in the data economy depends on rules for collection, use and cross-border flows.",
     "Collect case studies on data trust frameworks; first report at IGF 2020."),
    ("Dynamic Coalition on Gender and Internet Governance", "DC-Gender", 2008,
     "Women and gender-diverse people are under-represented in Internet governance.",
     "Publish the yearly Gender Report Card of IGF sessions; run a session on feminist "
     "principles of the Internet."),
    ("Dynamic Coalition on Innovative Approaches to Connecting the Unconnected", "DC-IAC", 2016,
     "Half of the world is offline; new approaches to access need evidence.",
     "Document innovative connectivity projects and their outcomes."),
    ("Dynamic Coalition on Internet and Climate Change", "DC-ICC", 2008,
     "ICTs both add to and help reduce emissions.",
     "Gather evidence on green ICT and e-waste policies."),
    ("Internet Rights and Principles Dynamic Coalition", "IRPC", 2008,
     "Human rights apply online as offline, but people do not know how.",
     "Translate and promote the Charter of Human Rights and Principles for the Internet."),
    ("Dynamic Coalition on the Internet of Things", "DC-IoT", 2008,
     "Billions of connected devices raise security, privacy and ethics questions.",
     "Maintain the IoT good practice paper and update it yearly."),
    ("Dynamic Coalition on Network Neutrality", "DCNN", 2013,
     "Traffic management and zero-rating affect users' freedom of choice.",
     "Publish the yearly report on network neutrality and zero rating."),
    ("Dynamic Coalition on Platform Responsibility", "DCPR", 2014,
     "Online platforms make rules that shape people's rights.",
     "Publish recommendations on terms of service and due process on platforms."),
    ("Dynamic Coalition on Public Access in Libraries", "DC-PAL", 2012,
     "Libraries provide public access and skills where people have no other way online.",
     "Publish the Development and Access to Information report with partners."),
    ("Dynamic Coalition on Publicness", "DC-Publicness", 2013,
     "The line between public and private information is moving.",
     "Discuss the right to be forgotten and publicness in a yearly session."),
    ("Dynamic Coalition on Small Island Developing States in the Internet Economy", "DC-SIDS",
     2015, "Small island states face high costs and little voice in Internet governance.",
     "Coordinate SIDS participation and a yearly SIDS roundtable."),
    ("Dynamic Coalition on Schools of Internet Governance", "DC-SIG", 2016,
     "Schools of Internet governance build capacity in every region but rarely share "
     "methods.",
     "Keep a directory of schools and a shared curriculum."),
    ("Youth Coalition on Internet Governance", "YCIG", 2008,
     "Young people are the majority of new users but a minority in policy debates.",
     "Support youth participation in the IGF and the NRIs; a youth session each year."),
]
# Coalitions that are not eligible for a session at IGF 2019: the report of 2018 is missing,
# or members come from fewer than three stakeholder groups.
NO_REPORT_2018 = {"DC-Publicness"}
TWO_GROUPS_ONLY = {"DC-ICC"}

BPFS_2019 = [  # name, slug, topic, outputs
    ("BPF Cybersecurity", "cybersecurity",
     "Identifies common norms and shared values in international cybersecurity agreements, "
     "and looks at how words are translated into actions.",
     "Exploring best practices in relation to international cybersecurity initiatives"),
    ("BPF Local Content", "local-content",
     "The availability of online content in a language people understand, and its role in "
     "preserving local cultural heritage.",
     "Local content: the use of technology to protect, preserve and promote heritage"),
    ("BPF Gender and Access", "gender-and-access",
     "Gender balance at the local level and the barriers that keep women and girls from "
     "economic development through ICTs.",
     "Women and girls' participation in the digital economy: barriers and good practice"),
    ("BPF Big Data, IoT and AI", "iot-big-data-ai",
     "Policy questions on the application of the Internet of Things, big data and artificial "
     "intelligence, and the layers of trust they need.",
     "Enhancing trust in IoT, big data and AI applications for development"),
]

WORKING_GROUPS = [  # name, acronym, kind, mandate
    ("Working Group on Workshop Process", "WG-WSP", "workshop_process",
     "Reviews the call for session proposals, the evaluation criteria and the screening "
     "rules."),
    ("Working Group on IGF Improvements", "WG-IMP", "improvements",
     "Tracks every recommendation made to improve the IGF, from the CSTD Working Group on "
     "Improvements to the IGF onwards, and proposes how to implement them."),
    ("Working Group on Fundraising", "WG-FUN", "fundraising",
     "Broadens the donor base of the IGF trust fund and prepares materials for donors."),
    ("Working Group on Outreach and Engagement", "WG-OE", "outreach",
     "Promotes the IGF process and the annual meeting to new stakeholders."),
    ("Working Group on Strategy", "WG-Strategy", "strategy",
     "Long-term strategy of the IGF, including the response to the Secretary-General's "
     "High-level Panel on Digital Cooperation."),
    ("Working Group on Youth", "WG-Youth", "youth",
     "Brings youth into the IGF programme and the MAG's work."),
]

DONORS = [  # name, kind, country, public, pledges: (amount, currency, usd_rate, first, last)
    ("Government of Germany", "government", "DE", True, [(1500000, "EUR", "1.12", 2019, 2019)]),
    ("Government of Switzerland", "government", "CH", True,
     [(150000, "CHF", "1.01", 2018, 2019)]),
    ("Government of the Netherlands", "government", "NL", True,
     [(500000, "EUR", "1.13", 2016, 2020)]),
    ("Government of Finland", "government", "FI", True, [(100000, "EUR", "1.13", 2019, 2019)]),
    ("Government of Japan", "government", "JP", False, [(5500000, "JPY", "0.009", 2019, 2019)]),
    ("European Commission", "igo", None, True, [(300000, "EUR", "1.15", 2018, 2019)]),
    ("Internet Corporation for Assigned Names and Numbers (ICANN)", "technical", "US", True,
     [(125000, "USD", "1", 2019, 2019), (125000, "USD", "1", 2018, 2018)]),
    ("Internet Society", "technical", "US", True, [(50000, "USD", "1", 2019, 2019)]),
    ("RIPE NCC", "technical", "NL", False, [(40000, "EUR", "1.13", 2019, 2019)]),
    ("APNIC", "technical", "AU", False, [(30000, "USD", "1", 2019, 2019)]),
    ("Nominet", "technical", "GB", True, [(60000, "GBP", "1.27", 2018, 2020)]),
    ("DENIC", "technical", "DE", False, [(30000, "EUR", "1.12", 2019, 2019)]),
    ("Verisign", "private_sector", "US", False, [(60000, "USD", "1", 2019, 2019)]),
    ("Microsoft", "private_sector", "US", False, [(50000, "USD", "1", 2019, 2019)]),
    ("Google", "private_sector", "US", False, [(100000, "USD", "1", 2019, 2019)]),
    ("Facebook", "private_sector", "US", False, [(50000, "USD", "1", 2019, 2019)]),
]
