"""Demo practices: the practice database filled through its own actions.

Every practice is registered, read along, submitted, reviewed and decided with the functions in
practices/actions.py, so rounds, frozen versions, reviews, comments and the audit log are the real
thing. Each practice's story is first planned on a timeline of "virtual days"; the timeline is then
pinned to real dates (a published practice to the day the commission decided, a practice still in
progress to a few days ago) and every step runs with its real date, after which the timestamps the
actions wrote ("now") are moved to that date. Texts are built from per-practice facts in the
practices_data_* modules.
"""

import contextlib
import datetime
import math
import random
import zlib
from collections import defaultdict
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db.models import Case, Value, When, prefetch_related_objects
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import ModelLogEntry, Page

from core.models import AgeGroup, Setting, SupportFunction, TargetGroup, Theme
from organisations.models import Organisation
from pages.models import NewsItemPage
from practices import actions
from practices.models import (
    Comment,
    Description,
    DescriptionSection,
    Material,
    Practice,
    PracticeOrganisation,
    PracticeRole,
    Review,
    ReviewAssignment,
    ReviewRound,
)
from practices.workflow import Level

from .practices_data_1 import TEXTS
from .practices_data_2 import PRACTICES_2
from .practices_data_3 import PRACTICES_3
from .practices_data_4 import PRACTICES_4
from .practices_data_5 import PRACTICES_5
from .practices_data_6 import PRACTICES_6
from .practices_data_7 import PRACTICES_7
from .practices_data_8 import PRACTICES_8
from .practices_data_9 import PRACTICES_9
from .practices_data_10 import PRACTICES_10
from .practices_data_11 import PRACTICES_11
from .practices_data_12 import COLLECTIVE

PRACTICES = [
    *PRACTICES_2, *PRACTICES_3, *PRACTICES_4, *PRACTICES_5, *PRACTICES_6,
    *PRACTICES_7, *PRACTICES_8, *PRACTICES_9, *PRACTICES_10, *PRACTICES_11,
]  # fmt: skip

TEAM = "redactie@expoo.example"
SECOND_TEAM_MEMBER = "jonas.declercq@expoo.example"
CHAIR = "voorzitter@expoo.example"
REVIEWER = "commissielid@expoo.example"
COMMISSION = [REVIEWER, "karel.dewaele@example.org", "fatma.ozturk@example.org", "lieve.segers@example.org"]

DESCRIPTION_KEYS = [
    "samenvatting",
    "aanleiding",
    "doelgroep",
    "doelen",
    "aanpak",
    "materialen",
    "randvoorwaarden",
    "overdraagbaarheid",
]
SUBSTANTIATION_KEYS = ["onderbouwing", "uitvoerbaarheid"]
RESEARCH_KEYS = ["onderzoek"]
# Sections whose text has a part a first version can lack (and feedback can ask for).
REVISABLE = ["aanleiding", "doelgroep", "doelen", "aanpak", "randvoorwaarden", "overdraagbaarheid"]
REASSESSMENT_YEARS = 5
# Draft news items that record_decision prepares are kept only for recent decisions.
KEEP_NEWS_DRAFTS_FROM = datetime.date(2026, 10, 1)
THREE_REVIEWERS_FROM = datetime.date(2026, 4, 14)  # the news item "Commissie verwelkomt drie nieuwe leden"


# --- Texts ---------------------------------------------------------------------------------------


def _seed(*parts) -> int:
    return zlib.crc32("|".join(str(p) for p in parts).encode())


def _rng(*seed):
    """A random generator that makes the same choices every run (demo data, not security)."""
    return random.Random(_seed(*seed))  # noqa: S311


def _pick(options, *seed, offset=0):
    """One of the options, the same every run; `offset` makes people in one round pick different ones."""
    return options[(_seed(*seed) + offset) % len(options)]


def _join(items):
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def _lower_first(text):
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _bullets(items):
    return "\n".join(f"- {item}" for item in items)


NUMBERS = dict(enumerate([
    "nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "dertien",
    "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig", "eenentwintig", "tweeëntwintig",
    "drieëntwintig", "vierentwintig", "vijfentwintig",
]))  # fmt: skip
# Organisation names that take an article in the middle of a sentence ("door het Huis van het Kind Lier").
ARTICLES = {
    "het": (
        "Huis van het Kind",
        "CLB",
        "Provinciaal",
        "Brussels",
        "Instituut",
        "Onderzoekscentrum",
        "Sociaal Huis",
        "Lokaal bestuur",
    ),
    "de": ("Hogeschool", "Gemeente", "Stad"),
}


def _the(name, capital=False):
    for article, prefixes in ARTICLES.items():
        if name.startswith(prefixes):
            return f"{article.capitalize() if capital else article} {name}"
    return name


def _age_sentence(spec, ages):
    if "age_text" in spec.get("text", {}):
        return spec["text"]["age_text"]
    prenatal = any(a.min_age is None for a in ages)
    ranged = [a for a in ages if a.min_age is not None]
    if not ranged:
        return "De praktijk richt zich op aanstaande ouders, tijdens de zwangerschap." if prenatal else ""
    lo, hi = (NUMBERS[n] for n in (min(a.min_age for a in ranged), max(a.max_age for a in ranged)))
    if prenatal:
        return f"De praktijk begint al tijdens de zwangerschap en loopt tot het kind {hi} jaar is."
    options = [
        f"Het gaat om gezinnen met kinderen van {lo} tot {hi} jaar.",
        f"De kinderen in deze gezinnen zijn tussen {lo} en {hi} jaar oud.",
        f"Wat de leeftijd betreft, ligt de focus op kinderen van {lo} tot {hi} jaar.",
    ]
    return _pick(options, spec["title"], "age")


def _orgs_sentence(spec, names):
    title = spec["title"]
    first = _the(names[0], capital=True)
    names = [_the(n) for n in names]
    if spec.get("collective"):
        return _pick(
            [
                f"De praktijk werd samen beschreven door {_join(names)}, tijdens de collectieve praktijkbeschrijvingsdagen van EXPOO.",
                f"{first} en {NUMBERS.get(len(names) - 1)} andere organisaties beschreven de praktijk samen, onder begeleiding van een expert en met één pennenhouder.",
            ],
            title,
            "orgs",
        )
    if len(names) == 1:
        options = [f"De praktijk werd ontwikkeld door {names[0]}.", f"{first} werkt al enkele jaren op deze manier."]
    else:
        rest = _join(names[1:])
        options = [
            f"De praktijk werd ontwikkeld door {_join(names)}.",
            f"{first} werkt al enkele jaren op deze manier, samen met {rest}.",
        ]
    return _pick(options, title, "orgs")


def _named(items):
    """ "Name — text" strings as (name, text) pairs."""
    return [tuple(item.split(" — ", 1)) for item in items]


def build_sections(spec, names, ages, applies):
    """{key: (full text, first version)} for every section this practice has facts for.
    The first version lacks one part: what read-along and review feedback asks for."""
    t = dict(spec.get("text", {}))
    for field in ("steps", "theories"):
        if field in t:
            t[field] = _named(t[field])
    title = spec["title"]
    out = {}

    def put(key, parts, revisable=None):
        full = "\n\n".join(p for p in parts if p)
        first = "\n\n".join(p for p in parts if p and p != revisable) if revisable else full
        out[key] = (full, first)

    if "pitch" in t:
        steps = ""
        if "steps" in t:
            lead = _pick(["In grote lijnen verloopt de aanpak in", "De aanpak bestaat uit", "Een traject kent"], title, "sum")
            step_names = [_lower_first(name) for name, _text in t["steps"]]
            if any(" en " in n or "," in n or "?" in n for n in step_names):
                step_names = [f"‘{n}’" for n in step_names]  # quoted, so that "en" inside a name does not read as a list
            steps = f"{lead} {NUMBERS[len(step_names)]} stappen: {_join(step_names)}."
        put("samenvatting", [t["pitch"], " ".join(s for s in (_orgs_sentence(spec, names), steps) if s)])
    if "why" in t:
        put("aanleiding", [t["why"], t.get("signals")], t.get("signals"))
    if "who" in t:
        first = " ".join(s for s in (t["who"], _age_sentence(spec, ages), t.get("notfor", "")) if s)
        put("doelgroep", [first, t.get("reach")], t.get("reach"))
    if "goal" in t:
        intro = _pick(["Daartoe werken we aan deze subdoelen:", "Concreet betekent dat:", "De subdoelen zijn:"], title, "goals")
        put(
            "doelen",
            [f"**Hoofddoel.** {t['goal']}", f"{intro}\n\n{_bullets(t.get('subgoals', []))}", t.get("signs")],
            t.get("signs"),
        )
    if "steps" in t:
        steps = "\n".join(f"{i}. **{name}.** {text}" for i, (name, text) in enumerate(t["steps"], start=1))
        example = f"**Een voorbeeld.** {t['example']}" if t.get("example") else None
        put("aanpak", [t.get("approach"), steps, t.get("rhythm"), example], example)
    if "materials" in t:
        intro = _pick(["Bij de praktijk horen deze materialen:", "We werken met de volgende materialen:"], title, "mat")
        put("materialen", [f"{intro}\n\n{_bullets(t['materials'])}", t.get("materials_note")])
    if "staff" in t:
        costs = t.get("costs_text")
        if _seed(title, "rv") % 2:
            costs = f"**Kosten en financiering.** {costs}" if costs else None
            parts = [
                f"**Medewerkers.** {t['staff']}",
                f"**Vorming en ondersteuning.** {t.get('training', '')}",
                f"**Kwaliteit.** {t.get('quality', '')}",
                costs,
            ]
        else:
            parts = [f"{t['staff']} {t.get('training', '')}".strip(), t.get("quality"), costs]
        put("randvoorwaarden", parts, costs)
    if "essentials" in t:
        intro = _pick(
            [
                "Een organisatie die met de praktijk aan de slag wil, bewaakt deze kernelementen:",
                "Essentieel voor de praktijk zijn:",
                "Wie de praktijk overneemt, houdt best vast aan:",
            ],
            title,
            "ess",
        )
        spread = t.get("spread", "")
        if applies:
            applies = [_the(name) for name in applies]
            verb = "past" if len(applies) == 1 else "passen"
            spread = _pick(
                [f"Intussen {verb} ook {_join(applies)} de praktijk toe.", f"De praktijk vond al ingang bij {_join(applies)}."],
                title,
                "spr",
            ) + (f" {spread}" if spread else "")
        put("overdraagbaarheid", [f"{intro}\n\n{_bullets(t['essentials'])}", t.get("adapt"), spread], t.get("adapt"))
    if "theories" in t:
        if "theory_intro" not in t:
            t["theory_intro"] = _pick(
                [
                    f"De praktijk steunt op {NUMBERS.get(len(t['theories']))} theoretische kaders.",
                    "Deze theorieën verklaren waarom de aanpak werkt.",
                    f"We onderbouwen de praktijk met {NUMBERS.get(len(t['theories']))} kaders uit de literatuur over opvoedingsondersteuning.",
                ],
                title,
                "th",
            )
        theories = "\n\n".join(f"**{name}.** {text}" for name, text in t["theories"])
        effective = "De werkzame elementen die we daaruit afleiden:\n\n" + _bullets(t.get("effective", []))
        put("onderbouwing", [t.get("theory_intro"), theories, effective], effective)
    if "experience" in t:
        put("uitvoerbaarheid", [t["experience"], t.get("fidelity"), t.get("bottlenecks")], t.get("bottlenecks"))
    if "research" in t:
        put("onderzoek", [t["research"], t.get("limits")], t.get("limits"))
    return out


# --- Planning a practice's story on virtual days ------------------------------------------------

PHASE_KEYS = {"description": DESCRIPTION_KEYS, "substantiation": SUBSTANTIATION_KEYS, "research": RESEARCH_KEYS}
PHASE_LEVEL = {"description": Level.WELL_DESCRIBED, "substantiation": Level.THEORY_BASED, "research": Level.RESEARCH_BASED}
DEFAULT_ROUNDS = {"submitted": ["submitted"], "in_review": ["open"], "revision": ["revise"]}


class Plan:
    """The steps of one practice's story, each on a virtual day (a float; the fraction is the time of day)."""

    def __init__(self, spec):
        self.rng = _rng(spec["title"])
        self.day = 0.0
        self.steps = []
        self.last_accept = None  # the commission's last acceptance: pinned to the decision date
        self.split = None  # from here on, the story is pinned to "a few days ago" instead

    def wait(self, low, high=None):
        self.day += self.rng.uniform(low, high if high is not None else low * 1.6)

    def add(self, kind, **kwargs):
        self.steps.append((self.day, kind, kwargs))
        self.day += 0.02  # a next step on the same day comes a little later


def _default_gaps(spec, texts, rounds, salt="description", keys=REVISABLE, exclude=()):
    """Per round, the sections whose first version still lacks a part (what the commission asks for)."""
    rng = _rng(spec["title"], salt)
    revisions = rounds.count("revise")
    pool = [k for k in keys if k not in exclude and k in texts and texts[k][0] != texts[k][1]]
    chosen = rng.sample(pool, min(len(pool), 1 + revisions)) if revisions else []
    gaps, index = [], 0
    for decision in rounds:
        if decision == "revise":
            gaps.append(chosen[: max(1, len(chosen) - 2 * index)])
            index += 1
        else:
            gaps.append([])
    return gaps


def _bring_draft(plan, texts, keys, gaps, state):
    """Writers save every section that must change before the next submission."""
    for key in keys:
        if key not in texts:
            continue
        wanted = texts[key][1] if key in gaps else texts[key][0]
        if state.get(key) != wanted:
            plan.wait(1, 6)
            plan.add("save", key=key, body=wanted)
            state[key] = wanted


def _commission_size(spec):
    """Since April 2026 at least three commission members read each description; before, two."""
    decided = spec["flow"].get("decided")
    return 2 if isinstance(decided, int) or (decided and decided < THREE_REVIEWERS_FROM) else 3


def _plan_round(plan, spec, phase, number, gaps, decision, phase_flow):
    plan.wait(4, 14)
    plan.add("submit")
    if decision == "submitted":
        return
    plan.wait(3, 9)
    if decision == "open":
        _plan_open_round(plan, phase_flow, phase)
        return
    reviewers = _rng(spec["title"], "reviewers", number).sample(COMMISSION, _commission_size(spec))
    plan.add("assign", reviewers=reviewers)
    for email in reviewers:
        plan.wait(0.3, 2)
        plan.add("declare", reviewer=email, conflict="")
    for email in reviewers:
        plan.wait(4, 9)
        plan.add("review", reviewer=email, gaps=gaps, phase=phase, submit=True)
    plan.wait(6, 12)
    plan.add("decide", decision=decision, gaps=gaps, phase=phase)
    if decision == "accept":
        plan.last_accept = plan.steps[-1][0]
        plan.add("news_mark", level=PHASE_LEVEL[phase])


def _plan_open_round(plan, phase_flow, phase):
    """The round still with the commission, event by event:
    ("assign", [emails]) | ("declare", email) | ("conflict", email, statement) | ("review", email, gaps) | ("draft", email)."""
    for event in phase_flow["open"]:
        what, who = event[0], event[1]
        if what == "assign":
            plan.wait(0.5, 3)
            plan.add("assign", reviewers=who)
        elif what in ("declare", "conflict"):
            plan.wait(0.3, 2)
            plan.add("declare", reviewer=who, conflict=event[2] if what == "conflict" else "")
        else:
            plan.wait(3, 8)
            gaps = event[2] if len(event) > 2 else []
            plan.add("review", reviewer=who, gaps=gaps, phase=phase, submit=what == "review")


def _plan_phase(plan, spec, phase, phase_flow, texts, keys, state, number, exclude=()):
    default = DEFAULT_ROUNDS.get(phase_flow.get("kind"), ["accept"]) if phase == "description" else ["accept"]
    rounds = phase_flow.get("rounds", default)
    gaps = phase_flow.get("gaps") or _default_gaps(
        spec, texts, rounds, phase, REVISABLE if phase == "description" else keys, exclude
    )
    for index, decision in enumerate(rounds):
        number += 1
        if index:
            plan.wait(12, 35)
        _bring_draft(plan, texts, keys, gaps[index], state)
        _plan_round(plan, spec, phase, number, gaps[index], decision, phase_flow)
    return number, rounds[-1]


def plan_practice(spec, texts):
    """The whole story of one practice as a list of steps on virtual days."""
    flow = spec["flow"]
    kind = flow["kind"]
    plan = Plan(spec)
    state = {}
    if spec.get("collective"):
        plan.add("trajectory")
    else:
        plan.add("register")
        if kind == "received":
            return plan
        if kind != "declined" or flow.get("intake", True):
            plan.wait(4, 10)
            meeting = math.floor(plan.day + flow.get("intake_in", plan.rng.uniform(8, 16))) + plan.rng.uniform(0.05, 0.6)
            plan.add("intake", meeting=meeting)
            if kind == "intake":
                return plan
            plan.day = meeting + plan.rng.uniform(0.5, 3)
        else:
            plan.wait(6, 12)
        if kind == "declined":
            plan.add("decline", reason=flow["reason"])
            return plan
        plan.add("accept")
    # Writing the description, maybe with the team reading along before it goes to the commission.
    first_gaps = flow.get("read_along_gaps", [])
    plan.wait(*flow.get("write_after", (10, 30)))
    for key in flow.get("filled", [k for k in DESCRIPTION_KEYS if k in texts]):
        body = texts[key][1] if key in first_gaps else texts[key][0]
        plan.add("save", key=key, body=body)
        state[key] = body
        plan.wait(1, 8)
    if flow.get("read_along") or kind == "read_along":
        plan.wait(2, 10)
        plan.add("request_read_along")
        plan.wait(3, 8)
        for key in first_gaps:
            plan.add("comment", key=key, who="team", gap=True)
            plan.wait(0.05, 0.2)
        for key in flow.get("praise", []):
            plan.add("comment", key=key, who="team", gap=False)
            plan.wait(0.05, 0.2)
        for key, who, body in flow.get("comments", []):
            plan.wait(0.5, 3)
            plan.add("comment", key=key, who=who, body=body)
        if kind == "read_along":
            return plan
        plan.wait(0.1, 1)
        plan.add("return_read_along")
        plan.wait(2, 6)
        for key in first_gaps[: flow.get("answered", 2)]:
            plan.add("comment", key=key, who="writer", gap=True)
            plan.add("save", key=key, body=texts[key][0])
            state[key] = texts[key][0]
            plan.wait(1, 4)
    if kind == "writing":
        for key, who, body in flow.get("comments", []):
            plan.wait(1, 5)
            plan.add("comment", key=key, who=who, body=body)
        return plan
    desc_keys = [k for k in DESCRIPTION_KEYS if k in texts]
    number, last = _plan_phase(plan, spec, "description", flow, texts, desc_keys, state, 0, exclude=first_gaps)
    if last != "accept":
        if kind == "revision":
            plan.wait(3, 12)
            for key in flow.get("fix", []):
                plan.add("save", key=key, body=texts[key][0])
                plan.wait(1, 5)
        return plan
    if spec.get("materials"):
        plan.wait(1, 5)
        plan.add("materials")
    # Later phases: substantiation and feasibility, then research.
    for phase, keys in (("substantiation", SUBSTANTIATION_KEYS), ("research", RESEARCH_KEYS)):
        phase_flow = flow.get(phase)
        if not phase_flow:
            continue
        plan.wait(*phase_flow.get("gap", (250, 500)))
        if phase_flow.get("rounds", ["accept"])[-1] != "accept":
            plan.split = plan.day
        number, last = _plan_phase(plan, spec, phase, phase_flow, texts, keys, state, number)
        if last != "accept":
            return plan
    next_level = flow.get("next_level")
    if next_level:
        plan.wait(20, 40)
        plan.split = plan.day
        for key, extra in next_level.items():
            body = texts[key][1] if extra is None else f"{texts[key][0]}\n\n{extra}"
            plan.add("save", key=key, body=body)
            plan.wait(2, 12)
    return plan


# --- Running a plan --------------------------------------------------------------------------------


class Clock:
    """Maps virtual days onto real, timezone-aware datetimes during working hours. A story can be
    pinned twice: its past to the commission's decision, its present (from `split`) to a few days ago."""

    def __init__(self, anchor, tail=None, split=None):
        self.anchor, self.tail, self.split = anchor, tail, split

    def at(self, day):
        anchor_day, anchor_date = self.tail if self.tail and day >= self.split else self.anchor
        date = anchor_date + datetime.timedelta(days=math.floor(day) - math.floor(anchor_day))
        minutes = int(8.5 * 60 + (day % 1) * 9 * 60)
        return timezone.make_aware(datetime.datetime.combine(date, datetime.time(minutes // 60, minutes % 60)))


def _years_later(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def make_clock(spec, plan, today):
    flow = spec["flow"]
    recent = (plan.steps[-1][0], today - datetime.timedelta(days=flow.get("ago", 3)))
    if "decided" not in flow:
        return Clock(recent)
    decided = flow["decided"]
    if isinstance(decided, int):  # days after "five years ago": the re-assessment is near
        decided = _years_later(today, -REASSESSMENT_YEARS) + datetime.timedelta(days=decided)
    return Clock((plan.last_accept, decided), recent if plan.split is not None else None, plan.split)


class Runner:
    """Runs one practice's planned steps through the actions, then dates what they wrote.

    The actions stamp everything "now"; the real dates are collected per object and written at the
    end in one UPDATE per model and field."""

    def __init__(self, spec, context):
        self.spec = spec
        self.ctx = context
        self.users = context["users"]
        self.practice = None
        self.log_times = []
        self.stamps = defaultdict(dict)  # (model, field) -> {pk: value}
        self.revisions = {}  # section key -> revision of the draft section
        self.assignments = {}  # reviewer e-mail -> assignment in the open round

    def user(self, email):
        return self.users[email]

    def team(self, index=0):
        if _seed(self.spec["title"], "team", index) % 3 == 0:
            return self.user(SECOND_TEAM_MEMBER)
        return self.user(TEAM)

    def writer(self):
        return self.user(self.spec.get("by") or self.spec.get("penholder"))

    def stamp(self, model, pk, **fields):
        for field, value in fields.items():
            self.stamps[(model, field)][pk] = value

    def run(self, plan, clock, stats):
        self.clock = clock
        for day, kind, kwargs in plan.steps:
            getattr(self, f"do_{kind}")(clock.at(day), **kwargs)
        practice = self.practice
        entries = list(ModelLogEntry.objects.for_instance(practice).order_by("pk").values_list("pk", flat=True))
        assert len(entries) == len(self.log_times), (practice, len(entries), len(self.log_times))
        for pk, when in zip(entries, self.log_times, strict=True):
            self.stamp(ModelLogEntry, pk, timestamp=when)
        self.stamp(Practice, practice.pk, created_at=clock.at(plan.steps[0][0]), updated_at=clock.at(plan.steps[-1][0]))
        for (model, field), values in self.stamps.items():
            output = model._meta.get_field(field)
            whens = [When(pk=pk, then=Value(value, output_field=output)) for pk, value in values.items()]
            model.objects.filter(pk__in=list(values)).update(**{field: Case(*whens, output_field=output)})
        stats.count("practices", True)
        return practice

    def logged(self, when):
        self.log_times.append(when)

    # One method per step ---------------------------------------------------------------------------

    def do_register(self, when):
        spec, ctx = self.spec, self.ctx
        name, email, phone = spec["contact"]
        self.practice = actions.register_practice(
            by=self.writer(),
            organisation=ctx["orgs"][spec["org"]],
            title=spec["title"],
            summary=spec["summary"],
            contact_name=name,
            contact_email=email,
            contact_phone=phone,
            themes=[ctx["themes"][s] for s in spec["themes"]],
            target_groups=[ctx["targets"][s] for s in spec["targets"]],
            partners=[ctx["orgs"][s] for s in spec.get("partners", [])],
        )
        self.complete_details()
        self.logged(when)

    def do_trajectory(self, when):
        spec, ctx = self.spec, self.ctx
        name, email, phone = spec["contact"]
        trajectory = actions.create_collective_trajectory(
            by=self.team(),
            title=spec["title"],
            summary=spec["summary"],
            organisations=[ctx["orgs"][s] for s in [spec["org"], *spec["partners"]]],
            penholder=self.writer(),
            expert_name=spec["expert"],
            sessions=[
                {"starts_at": timezone.make_aware(start), "place": place, "topic": topic}
                for start, place, topic in spec["sessions"]
            ],
            contact_name=name,
            contact_email=email,
            themes=[ctx["themes"][s] for s in spec["themes"]],
        )
        self.practice = trajectory.practice
        self.practice.target_groups.set([ctx["targets"][s] for s in spec["targets"]])
        self.complete_details(phone=phone)
        self._date_draft(when)
        self.logged(when)

    def complete_details(self, **extra):
        """What the team completes after the registration form: the remaining facets and facts."""
        spec, ctx, practice = self.spec, self.ctx, self.practice
        practice.age_groups.set([ctx["ages"][s] for s in spec.get("ages", [])])
        practice.support_functions.set([ctx["functions"][s] for s in spec.get("functions", [])])
        practice.settings.set([ctx["settings"][s] for s in spec.get("settings", [])])
        practice.duration = spec.get("duration", "")
        practice.costs = spec.get("costs", "")
        if "phone" in extra:
            practice.contact_phone = extra["phone"]
        practice.save(update_fields=["duration", "costs", "contact_phone"])
        for slug in spec.get("applies", []):
            PracticeOrganisation.objects.create(practice=practice, organisation=ctx["orgs"][slug], role=PracticeRole.APPLIES)
        # The organisations stay the same from here on; permission checks need not fetch them every step.
        prefetch_related_objects([practice], "organisation_links")

    def do_intake(self, when, meeting):
        notes = self.spec["flow"].get("intake_notes") or _pick(TEXTS["intake_notes"], self.spec["title"]).format(
            org=self.ctx["orgs"][self.spec["org"]].name
        )
        actions.plan_intake(self.practice, by=self.team(), when=self.clock.at(meeting), notes=notes)
        self.logged(when)

    def do_accept(self, when):
        actions.accept_registration(self.practice, by=self.team())
        self._date_draft(when)
        self.logged(when)

    def _date_draft(self, when):
        self.draft = self.practice.descriptions.get(is_draft=True)
        self.stamp(Description, self.draft.pk, created_at=when)
        for pk, key in self.draft.sections.values_list("pk", "key"):
            self.stamp(DescriptionSection, pk, updated_at=when)
            self.revisions[key] = 0

    def do_decline(self, when, reason):
        actions.decline_registration(self.practice, by=self.team(), reason=reason)
        self.logged(when)

    def do_save(self, when, key, body):
        section = actions.save_section(self.practice, by=self.writer(), key=key, body=body, revision=self.revisions[key])
        self.revisions[key] = section.revision
        self.stamp(DescriptionSection, section.pk, updated_at=when)

    def do_comment(self, when, key, who, gap=False, body=None):
        if body is None:
            pool = TEXTS["read_along_gap" if gap else "read_along_good"] if who == "team" else TEXTS["reply"]
            body = _pick(pool[key], self.spec["title"], who, key)
        author = {"team": self.team(1), "writer": self.writer()}.get(who) or self.user(who)
        comment = actions.add_comment(self.practice, by=author, section_key=key, body=body, description=self.draft)
        self.stamp(Comment, comment.pk, created_at=when)

    def do_request_read_along(self, when):
        actions.request_read_along(self.practice, by=self.writer())
        self.logged(when)

    def do_return_read_along(self, when):
        message = _pick(TEXTS["read_along_message"], self.spec["title"])
        actions.return_read_along(self.practice, by=self.team(1), message=message)
        self.logged(when)

    def do_submit(self, when):
        review_round = actions.submit_description(self.practice, by=self.writer())
        self.stamp(ReviewRound, review_round.pk, submitted_at=when)
        self.stamp(Description, review_round.description_id, created_at=when)
        for pk in DescriptionSection.objects.filter(description_id=review_round.description_id).values_list("pk", flat=True):
            self.stamp(DescriptionSection, pk, updated_at=when)
        self.assignments = {}
        self.logged(when)

    def do_assign(self, when, reviewers):
        due = (when + datetime.timedelta(days=self.spec["flow"].get("due_days", 28))).date()
        created = actions.assign_reviewers(
            self.practice, by=self.team(), reviewers=[self.user(e) for e in reviewers], due_date=due
        )
        for assignment in created:
            self.assignments[assignment.reviewer.email] = assignment
            self.stamp(ReviewAssignment, assignment.pk, assigned_at=when)
        self.logged(when)

    def do_declare(self, when, reviewer, conflict):
        assignment = self.assignments[reviewer]
        actions.declare_conflict(assignment, by=self.user(reviewer), has_conflict=bool(conflict), statement=conflict)
        self.stamp(ReviewAssignment, assignment.pk, declared_at=when)
        self.logged(when)

    def do_review(self, when, reviewer, gaps, phase, submit):
        assignment = self.assignments[reviewer]
        title = self.spec["title"]
        recommendation = ("revise" if gaps else "accept") if submit else ""
        keys = [k for k in PHASE_KEYS[phase] if k in TEXTS["review_good"]]
        good = [k for k in keys if k not in gaps]
        chosen = list(gaps) + _rng(title, reviewer, phase).sample(good, min(len(good), 1))
        offset = list(self.assignments).index(reviewer)
        notes = {}
        for key in sorted(chosen, key=keys.index):
            pool = TEXTS["review_gap"] if key in gaps else TEXTS["review_good"]
            notes[key] = _pick(pool[key], title, key, offset=offset)
        overall = _pick(TEXTS["review_overall"][recommendation or "draft"], title, offset=offset)
        review = actions.save_review(
            assignment, by=self.user(reviewer), notes=notes, overall=overall, recommendation=recommendation, submit=submit
        )
        self.stamp(Review, review.pk, updated_at=when)
        if submit:
            self.stamp(Review, review.pk, submitted_at=when)
            self.logged(when)

    def do_decide(self, when, decision, gaps, phase):
        feedback = chair_feedback(self.spec, decision, gaps, phase)
        with _no_news_draft_before(when):
            review_round = actions.record_decision(self.practice, by=self.user(CHAIR), decision=decision, feedback=feedback)
        self.stamp(ReviewRound, review_round.pk, decided_at=when)
        if decision == "accept":
            day = timezone.localtime(when).date()
            self.stamp(
                Practice,
                self.practice.pk,
                published_at=when,
                level_decided_at=day,
                reassessment_due=_years_later(day, REASSESSMENT_YEARS),
            )
        self.logged(when)

    def do_news_mark(self, when, level):
        self.ctx["news"].append((f"praktijk-{self.practice.slug}-{level}"[:250], timezone.localtime(when).date()))

    def do_materials(self, when):
        for title, lines, is_public in self.spec.get("materials", []):
            material = actions.upload_material(
                self.practice,
                by=self.writer(),
                title=title,
                file=ContentFile(_pdf(title, lines), name=f"{slugify(title)}.pdf"),
                is_public=is_public,
            )
            self.stamp(Material, material.pk, uploaded_at=when)
            self.logged(when)


@contextlib.contextmanager
def _no_news_draft_before(when):
    """record_decision prepares a draft news item dated today; for a decision years ago the team
    announced it long since, so none is prepared (_tidy_news removes any that still appear)."""
    if timezone.localtime(when).date() >= KEEP_NEWS_DRAFTS_FROM or not hasattr(actions, "_draft_news_item"):
        yield
        return
    with mock.patch.object(actions, "_draft_news_item", return_value=None):
        yield


def chair_feedback(spec, decision, gaps, phase):
    """The chair's merged feedback: an opening, what to add (per section) or what was strong, and a next step."""
    texts, title = TEXTS["feedback"], spec["title"]
    if decision == "revise":
        lines = [f"- **{TEXTS['section_titles'][key]}**: {_pick(texts['ask'][key], title, key)}" for key in gaps]
        return "\n\n".join(
            [_pick(texts["revise_open"], title, phase), "\n".join(lines), _pick(texts["revise_close"], title, phase)]
        )
    strength = spec.get("strength") or _pick(texts["strength"], title, phase)
    return "\n\n".join([_pick(texts["accept_open"][phase], title), strength, _pick(texts["accept_next"][phase], title)])


def _pdf(title, lines):
    """A small, valid one-page PDF with a title and a few lines of text."""

    def esc(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1", "replace").decode("latin-1")

    rows = [f"BT /F1 16 Tf 56 780 Td ({esc(title)}) Tj ET"]
    rows += [f"BT /F1 11 Tf 56 {748 - 18 * i} Td ({esc(line)}) Tj ET" for i, line in enumerate(lines)]
    stream = "\n".join(rows).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# --- Loading -------------------------------------------------------------------------------------


def _context():
    User = get_user_model()
    return {
        "users": {u.email: u for u in User.objects.all()},
        "orgs": {o.slug: o for o in Organisation.objects.all()},
        "themes": {t.slug: t for t in Theme.objects.all()},
        "targets": {t.slug: t for t in TargetGroup.objects.all()},
        "ages": {t.slug: t for t in AgeGroup.objects.all()},
        "functions": {t.slug: t for t in SupportFunction.objects.all()},
        "settings": {t.slug: t for t in Setting.objects.all()},
        "news": [],
    }


def _tidy_news(ctx):
    """record_decision prepares a draft news item per new level; keep those of recent decisions,
    dated on the decision. (Their themes are only in the revision, so they are saved on the page too.)"""
    days = dict(ctx["news"])
    drafts = NewsItemPage.objects.filter(slug__in=list(days), live=False)
    old = [item.pk for item in drafts if days[item.slug] < KEEP_NEWS_DRAFTS_FROM]
    if old:
        Page.objects.filter(pk__in=old).delete()
    for item in NewsItemPage.objects.filter(slug__in=list(days), live=False):
        item.date = days[item.slug]
        if not item.themes.exists():
            item.themes.set(item.get_latest_revision_as_object().themes.all())
        item.save()


def _adjust(practice, spec):
    """Demo-only touches after the actions: an overdue reviewer."""
    overdue = spec["flow"].get("overdue")
    if overdue:
        email, days = overdue
        today = timezone.localdate()
        ReviewAssignment.objects.filter(round__practice=practice, round__decided_at__isnull=True, reviewer__email=email).update(
            due_date=today - datetime.timedelta(days=days)
        )
        ReviewRound.objects.filter(practice=practice, decided_at__isnull=True).update(
            due_date=today - datetime.timedelta(days=days)
        )


def load_practices(stats) -> None:
    ctx = _context()
    today = timezone.localdate()
    existing = set(Practice.objects.values_list("slug", flat=True))
    for spec in [*PRACTICES, *COLLECTIVE]:
        slug = slugify(spec["title"])
        if slug in existing:
            stats.count("practices", False)
            continue
        runner = Runner(spec, ctx)
        orgs = [ctx["orgs"][spec["org"]], *(ctx["orgs"][s] for s in spec.get("partners", []))]
        ages = [ctx["ages"][s] for s in spec.get("ages", [])]
        applies = [ctx["orgs"][s].name for s in spec.get("applies", [])]
        sections = build_sections(spec, [o.name for o in orgs], ages, applies)
        plan = plan_practice(spec, sections)
        clock = make_clock(spec, plan, today)
        practice = runner.run(plan, clock, stats)
        assert practice.slug == slug, (practice.slug, slug)
        _adjust(practice, spec)
        if spec.get("collective"):
            stats.count("collective trajectories", True)
    _tidy_news(ctx)
