"""Text banks of the demo proposals: topics per theme of 2019, title and description patterns.

Written for the demo; when the public data of ``shared/data`` is present, part of the
proposals take their title and summary from real published session descriptions instead
(see ``demo.py``)."""

TOPICS = {
    "data-governance": [
        "cross-border data flows", "personal data protection in Africa", "data trusts",
        "algorithmic accountability", "digital identity systems", "open government data",
        "AI and human rights", "health data sharing", "data localisation",
        "children's data and education technology", "facial recognition in public spaces",
        "the data economy of developing countries", "consent and dark patterns",
        "competition and data-driven platforms", "data for the Sustainable Development Goals",
        "ethics of artificial intelligence", "smart cities and surveillance",
        "data portability", "privacy by design", "gender data gaps",
    ],
    "digital-inclusion": [
        "community networks", "meaningful connectivity in rural areas",
        "accessibility for persons with disabilities", "the gender digital divide",
        "local content and multilingualism", "digital literacy for older people",
        "youth participation in Internet governance", "affordable broadband",
        "indigenous languages online", "refugees and connectivity", "spectrum for the unconnected",
        "digital skills for the future of work", "public access in libraries",
        "universal service funds", "women entrepreneurs in the digital economy",
        "small island developing states and submarine cables", "zero-rating and net neutrality",
        "e-government for inclusion", "digital inclusion of migrants", "online education",
    ],
    "security-safety": [
        "cybersecurity norms", "child online protection", "disinformation during elections",
        "protection of critical infrastructure", "cybercrime cooperation", "encryption and trust",
        "Internet shutdowns", "hate speech and freedom of expression", "CERT capacity building",
        "IoT security", "routing security", "DNS abuse", "content moderation at scale",
        "online violence against women", "deepfakes", "cyber hygiene for small businesses",
        "resilience of the public core of the Internet", "terrorist content online",
        "digital safety of journalists", "trust in emerging technologies",
    ],
}

TITLE_PATTERNS = [
    "{Topic}: what works, and for whom?",
    "Rethinking {topic} in the Global South",
    "{Topic} — from principles to practice",
    "Multistakeholder approaches to {topic}",
    "Who decides? {Topic} and the public interest",
    "Lessons from the field on {topic}",
    "{Topic} after the pandemic of hype",
    "Bridging policy gaps in {topic}",
    "Youth voices on {topic}",
    "{Topic}: regional perspectives",
    "Building trust through {topic}",
    "Measuring progress on {topic}",
    "Local solutions for {topic}",
    "{Topic} and human rights",
]

OPENINGS = [
    "Debates on {topic} are too often held among experts from a handful of countries.",
    "In the past two years {topic} has moved from the margins to the centre of national "
    "policy agendas.",
    "Around the world, governments, companies and communities are experimenting with new "
    "answers to {topic}.",
    "The way we handle {topic} will shape who benefits from the Internet in the next decade.",
    "Few issues show the need for cooperation across stakeholder groups as clearly as {topic}.",
]
MIDDLES = [
    "This session brings together practitioners from {regions} to compare what has worked "
    "and what has not.",
    "Speakers from government, business, civil society and the technical community will "
    "present concrete cases and the trade-offs they faced.",
    "We will look at recent legislation, voluntary codes and community-led initiatives, and "
    "ask which of them protect rights while allowing innovation.",
    "The discussion builds on research carried out in {regions} over the last year, and on "
    "the outcomes of earlier IGF sessions.",
    "Participants will work in small groups on three scenarios before reporting back to the "
    "room and to those following online.",
    "We pay particular attention to the experience of women, young people and persons with "
    "disabilities, whose needs are often missed.",
    "The session asks what role each stakeholder group should play, and where their "
    "responsibilities overlap.",
]
CLOSINGS = [
    "The expected outcome is a short set of recommendations that we will publish after the "
    "meeting and feed into the IGF messages.",
    "Participants will leave with a map of the main initiatives and contacts to continue the "
    "work intersessionally.",
    "We will produce a report with key takeaways and calls to action for policy makers.",
    "The session will end with commitments from the speakers on next steps.",
]
REGIONS = ["Africa and Latin America", "South and South-East Asia", "the Pacific islands",
           "Eastern Europe", "the Arab region", "West Africa", "the Caribbean",
           "Europe and North America", "Central Asia", "East Africa"]
INTERACTION = [
    "The moderator takes questions from the room and from the online platform in turn; the "
    "online moderator voices remote participants first in each round.",
    "A short poll opens the session; break-out groups onsite and online report back through a "
    "shared document.",
    "Speakers talk for at most five minutes each, leaving half of the session for open "
    "discussion with participants onsite and online.",
]
PREVIOUS = [
    "The session follows up on the IGF 2018 messages on this issue and on the work of the "
    "related Best Practice Forum.",
    "It builds on a workshop held at IGF 2018 in Paris and reports on what changed since.",
    "",
]
SCREEN_OUT_REASONS = [
    "Fewer than three confirmed speakers at the deadline.",
    "All speakers are of the same gender; the call requires diversity.",
    "The organiser already has three proposals of this type.",
    "Not enough people onsite: no onsite moderator.",
]
