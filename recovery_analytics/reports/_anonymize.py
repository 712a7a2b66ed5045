"""Pseudonyms for sharing: client (and company) names replaced before drawing.

Anonymising works on the log, not on the finished file: a new
:class:`~recovery_analytics.ReflectionLog` is built with every name replaced,
and charts, tables, text and metadata are all made from it, so a real name has
no way into the export.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import pandas as pd

from .._log import ReflectionLog
from .._problems import problems_frame
from ..model import DEFAULT_CLIENT

__all__ = ["NOT_NAMES", "PLACEHOLDERS", "Pseudonyms", "anonymize", "pseudonyms"]

#: Client names that are words rather than names: replaced in the client
#: column, but not inside free text ("they asked me about..." stays as it is).
_NOT_NAMES: Final = frozenset({DEFAULT_CLIENT})


# ---------------------------------------------------------------------------
# Contact details and other people's names in free text
# ---------------------------------------------------------------------------

#: What each kind of identifier becomes in free text.
PLACEHOLDERS: Final = {
    "email": "[email]",
    "phone": "[phone]",
    "link": "[link]",
    "handle": "[handle]",
    "name": "[name]",
}

_UPPER: Final = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LOWER: Final = "a-zß-öø-ÿ\u0100-\u017f"

#: Capitalised words that are not people's names even where a name could be:
#: the 14 theme words, pronouns and articles, weekdays and months, words
#: that often start a sentence, roles, and common tech and tool names.
#: All-capital words (SQL, AWS, STAR, HR) and "I" never count as names, so
#: they need no entry here.
NOT_NAMES: Final = frozenset(
    """
    preparation nerves conciseness examples technical clarity rapport logistics
    questions them motivation self presentation compensation follow up time
    management other
    i you he she they we it me him her them us my your his their our its
    this that these those the a an some any every each all both either neither
    someone somebody everyone everybody anyone anybody nobody noone nothing
    everything something anything one
    monday tuesday wednesday thursday friday saturday sunday weekend
    january february march april may june july august september october
    november december today yesterday tomorrow tonight morning afternoon
    evening week month year christmas easter
    then also later again overall after before afterwards finally first second
    third next last lastly still plus however unfortunately fortunately
    luckily sadly honestly apparently eventually initially instead meanwhile
    surprisingly thankfully annoyingly otherwise maybe perhaps definitely
    probably basically actually generally mostly really just only even so but
    and or if when while because since although though yes no not never always
    sometimes often usually hopefully ideally anyway anyhow well good great
    bad fine nice ok okay thanks thank hi hello dear regards cheers sorry
    please for about to in on at of into onto over under via as like more less
    much many very too why what where which who whom whose how whether there
    here out up down back off
    confidence enthusiasm energy passion experience skills success stories
    leadership culture values strengths weaknesses salary pay benefits
    feedback email mail call message reply response news update letter offer
    rejection silence interview interviews interviewer interviewers question
    help contact word note notes phone text invite invitation chat meeting
    panel team company recruiter recruiters manager managers hiring director
    founder lead boss colleague engineer ceo cto hr people talent recruitment
    staff client candidate candidates mr mrs ms miss mx dr prof sir dame
    python java javascript typescript kotlin swift rust go ruby scala perl
    php html css react angular vue node django flask spring rails pandas numpy
    excel word powerpoint outlook access tableau power looker salesforce sap
    jira confluence slack teams zoom skype webex meet google microsoft apple
    amazon linkedin github gitlab docker kubernetes linux windows mac macos
    ios android azure terraform kafka spark hadoop airflow snowflake postgres
    postgresql mysql oracle mongo mongodb redis agile scrum kanban lean
    english french german spanish italian portuguese dutch polish chinese
    mandarin cantonese japanese korean hindi arabic russian welsh irish
    london manchester birmingham edinburgh glasgow dublin paris berlin
    """.split()
)

_TITLES: Final = r"Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame"
#: Roles written before or after a name: "recruiter Sarah", "Tom (the CTO)".
_ROLES: Final = (
    r"interviewers?|(?:hiring\s+)?managers?|recruiters?|panel(?:l?ists?)?|"
    r"directors?|founders?|co-founders?|leads?|heads?|bosses|boss|colleagues?|"
    r"engineers?|referees?|mentors?|coach|contacts?|friends?|partners?|"
    r"CEO|CTO|CFO|COO|CIO|CPO|VP|HR|MD|TA"
)
#: Words after which a capitalised word is taken for a person: "with Sarah".
_BEFORE: Final = (
    r"[Ww]ith|[Ff]rom|[Bb]y|[Aa]sk(?:ed)?|[Tt]old|[Tt]ell|[Mm]et|[Mm]eet|"
    r"[Tt]hank(?:ed)?|[Ee]mail(?:ed)?|[Mm]essage[d]?|[Tt]ext(?:ed)?|"
    r"[Pp]hone[d]?|[Rr]ing|[Rr]ang|[Cc]all|[Ss]poke\s+to|[Tt]alked\s+to|"
    r"[Dd]ear|[Cc]c(?:'d)?"
)
#: Things a person has, for "Sarah's panel".
_HAS: Final = (
    r"panel|team|questions?|interview|feedback|manager|boss|colleagues?|"
    r"e-?mails?|messages?|calls?|office|tone|comments?|reaction|style|"
    r"follow-up|advice|referral|recommendation|help|notes?|LinkedIn|profile"
)
#: Teams, for "Sarah from HR".
_TEAMS: Final = (
    r"HR|IT|PR|TA|[Hh]uman\s+[Rr]esources|[Rr]ecruit(?:ment|ing)|[Tt]alent(?:\s+acquisition)?|"
    r"[Pp]eople(?:\s+ops)?|[Ee]ngineering|[Ff]inance|[Ss]ales|[Mm]arketing|[Ll]egal|"
    r"[Pp]roduct|[Dd]esign|[Dd]ata|[Oo]perations|[Oo]ps|[Ss]upport|(?:the\s+)?[a-z]+\s+team|"
    r"the\s+team"
)
#: Verbs that need a person to do them, for "Tom asked".
_DOES: Final = (
    r"said|asked|told|mentioned|explained|interrupted|laughed|smiled|nodded|"
    r"replied|promised|emailed|wrote|rang|messaged|introduced|thanked|grilled"
)

_TLDS: Final = (
    r"com|org|net|edu|gov|io|co|uk|us|ca|au|nz|ie|de|fr|nl|be|es|it|pt|se|no|dk|fi|"
    r"pl|ch|at|in|sg|hk|jp|cn|br|mx|za|eu|dev|app|ai|me|info|biz|tech|jobs|careers|"
    r"xyz|ly|gl|gg|to|cc|tv|page|site|online"
)
_URL_END: Final = r"(?=[.,;:!?]*(?:[\s<>\"'()\[\]]|$))"

_EMAIL: Final = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
_URL: Final = re.compile(
    rf"(?<![\w@])(?:https?://|www\.)[^\s<>\"'()\[\]]+?{_URL_END}", re.IGNORECASE
)
_DOMAIN_PATH: Final = re.compile(
    rf"(?<![\w@./-])(?:[A-Za-z0-9-]+\.)+(?:{_TLDS})/[^\s<>\"'()\[\]]*?{_URL_END}",
    re.IGNORECASE,
)
_HANDLE: Final = re.compile(
    r"(?<![\w@./])@(?=[\w.]*[A-Za-z])(?!\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b)"
    r"\w(?:[\w.]{0,28}\w)?(?!\w)"
)
_PHONE: Final = re.compile(
    r"""
    (?<![\w+/.,:-])                     # not inside a word, number, date or path
    (?:
        (?:\+|\b00)\d{1,3}              # international: +44 ..., 0044 ...
        (?=(?:[\s().-]*\d){7})          # ... with at least 7 more digits
        (?:[\s.-]?\(?\d{1,5}\)?){2,6}
      | \(?0\d{1,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,4}   # national: 07700 900123
      | \(?[2-9]\d{2}\)?[\s.-]\d{3}[\s.-]\d{4}       # North American: 555-123-4567
    )
    (?![\w/-]|[.,:]\d)
    """,
    re.VERBOSE,
)


#: A pattern and what replaces each match (text, or a function of the match).
_Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]


def _trie(words: Iterable[str]) -> str:
    """One regex for a set of words, sharing prefixes so it is tried in one pass.

    Examples
    --------
    >>> _trie(["may", "march", "mr"])
    'm(?:a(?:rch|y)|r)'
    """
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not optional else f"(?:{'|'.join(branches)})"
        if optional:
            body = body + "?" if body.startswith("(?:") else f"(?:{body})?"
        return body

    return emit(tree)


def _stop(known: Iterable[str]) -> str:
    """A lookahead refusing every word of NOT_NAMES and every ``known`` name."""
    words = {*NOT_NAMES, *(" ".join(k.casefold().split()) for k in known if k.strip())}
    return rf"(?!(?i:{_trie(words)})(?!\w))"


def _name_rules(known: Iterable[str]) -> list[_Rule]:
    """The patterns that find a person's name from the words around it."""
    cap = rf"[{_UPPER}][{_LOWER}]+"
    word = rf"(?:[{_UPPER}]['’])?{cap}(?:{cap}|-{cap})?"  # Sarah, O'Neil, McKay, Anne-Marie
    one = rf"(?<![\w'’-])(?=[{_UPPER}]){_stop(known)}{word}(?![\w@])"
    name = rf"{one}(?:[ \t]+{one})?"
    names = rf"{name}(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+|[ \t]*&[ \t]*){name})*"
    role = rf"(?:(?:the|a|an|our|my|their|his|her)\s+)?(?:[a-z-]+\s+){{0,2}}(?:{_ROLES})"
    keep_before = r"\g<pre>" + PLACEHOLDERS["name"]
    keep_after = PLACEHOLDERS["name"] + r"\g<post>"
    rules = [
        # Dr Patel, Ms J. Khan
        (rf"(?P<pre>\b(?:{_TITLES})\.?[ \t]+)(?:[{_UPPER}]\.?[ \t]+)?{name}", keep_before),
        # with Sarah, asked Tom Baker, emailed Priya and Jo
        (rf"(?P<pre>(?<![\w'’-])(?:{_BEFORE})[ \t]+){names}", keep_before),
        # the recruiter Sarah, the hiring manager, Tom Baker, the panel: Tom and Jo
        (rf"(?P<pre>(?<![\w'’-])(?:{_ROLES})(?:[ \t]*[,:][ \t]*|[ \t]+)){names}", keep_before),
        # Sarah's panel, Tom's technical question
        (rf"{name}(?P<post>['’]s\s+(?:[a-z-]+\s+)?(?:{_HAS})\b)", keep_after),
        # Sarah from HR, Tom from the data team
        (rf"{names}(?P<post>\s+from\s+(?:the\s+)?(?:{_TEAMS})\b)", keep_after),
        # Tom Baker (the hiring manager), Tom, the recruiter,
        (
            rf"{names}(?P<post>[ \t]*\({role}\)|,[ \t]+{role}(?=[ \t]*(?:[,.;:!?)]|$)))",
            keep_after,
        ),
        # Tom asked, Sarah said
        (rf"(?<![\w'’-]){names}(?P<post>[ \t]+(?:{_DOES})\b)", keep_after),
    ]
    return [(re.compile(pattern), repl) for pattern, repl in rules]


def _given_names(names: Iterable[str] | str) -> re.Pattern[str] | None:
    """Whole-word, case-insensitive pattern for the names the user gave."""
    if isinstance(names, str):
        names = [names]
    given = []
    for n in names:
        if not isinstance(n, str):
            raise TypeError(
                "The value for `names` must be a list of names such as ['Tom Baker', 'Tom'], "
                f"but it holds {n!r}."
            )
        if n.strip():
            given.append(" ".join(n.split()))
    if not given:
        return None
    words = sorted(set(given), key=len, reverse=True)
    spaced = "|".join(r"\s+".join(re.escape(w) for w in g.split()) for g in words)
    return re.compile(rf"(?<!\w)(?:{spaced})(?!\w)", re.IGNORECASE)


def _rules(*, contacts: bool, names: Iterable[str] | str, known: Iterable[str]) -> list[_Rule]:
    """Every (pattern, replacement) for free text, in the order they run."""
    rules: list[_Rule] = []
    if contacts:
        rules += [
            (_EMAIL, PLACEHOLDERS["email"]),  # before handles: jo@acme.com is not @acme
            (_URL, PLACEHOLDERS["link"]),
            (_DOMAIN_PATH, PLACEHOLDERS["link"]),
            (_HANDLE, PLACEHOLDERS["handle"]),
            (_PHONE, PLACEHOLDERS["phone"]),
        ]
    given = _given_names(names)
    if given is not None:
        rules.append((given, PLACEHOLDERS["name"]))
    if contacts:
        rules += _name_rules(known)
    return rules


def _scrub(texts: pd.Series, rules: Iterable[_Rule]) -> pd.Series:
    """Every rule applied to a Series of strings, one pandas pass per rule."""
    for pattern, repl in rules:
        texts = texts.str.replace(pattern, repl, regex=True)
    return texts


_KEEP: Final = r"\[(?:email|phone|link|handle|name)\]"


def _letters(i: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA", like spreadsheet columns.

    Examples
    --------
    >>> [_letters(i) for i in (0, 1, 25, 26, 27)]
    ['A', 'B', 'Z', 'AA', 'AB']
    """
    out = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        out = string.ascii_uppercase[rem] + out
    return out


@dataclass(frozen=True)
class Pseudonyms:
    """Real names and the stable pseudonyms that replace them.

    ``clients`` maps each real client name to ``"Client A"``, ``"Client B"``,
    ... in sorted order of the real names; ``companies`` maps company names to
    ``"Company 1"``, ... (empty unless companies are anonymised too).
    """

    clients: Mapping[str, str]
    companies: Mapping[str, str] = field(default_factory=dict)

    def _pattern(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        lookup: dict[str, str] = {}
        for real, alias in [*self.companies.items(), *self.clients.items()]:
            if real.strip() and real.casefold() not in _NOT_NAMES:
                lookup.setdefault(real.strip().casefold(), alias)
        if not lookup:
            return None, lookup
        names = sorted(lookup, key=len, reverse=True)  # "Pebble Bank" before "Pebble"
        alternatives = "|".join(re.escape(n) for n in names)
        # "[name]" and the other placeholders are matched first and kept, so a
        # client called "Name" cannot turn them into "[Client A]"
        pattern = re.compile(rf"{_KEEP}|(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
        return pattern, lookup

    def _replacer(self) -> tuple[re.Pattern[str], Callable[[re.Match[str]], str]] | None:
        pattern, lookup = self._pattern()
        if pattern is None:
            return None
        return pattern, lambda m: lookup.get(m.group(0).casefold(), m.group(0))

    def text(self, value: str) -> str:
        """Replace every whole-word, case-insensitive mention of a name.

        Examples
        --------
        >>> p = Pseudonyms({"Amara": "Client A"}, {"Orchard & Vine": "Company 1"})
        >>> p.text("AMARA's chat with orchard & vine; Amaranth stays")
        "Client A's chat with Company 1; Amaranth stays"
        """
        rule = self._replacer()
        return value if rule is None else rule[0].sub(rule[1], value)

    def client(self, name: str) -> str:
        """The pseudonym of one client (the name itself if it is not known)."""
        return self.clients.get(name, name)


def pseudonyms(log: ReflectionLog, *, clients: bool = True, companies: bool = False) -> Pseudonyms:
    """Stable pseudonyms for the clients and/or the companies of ``log``.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> fake = SimpleNamespace(clients=["zoe", "amara"], companies=["B Ltd", "A Co"])
    >>> p = pseudonyms(fake, companies=True)  # type: ignore[arg-type]
    >>> dict(p.clients), dict(p.companies)
    ({'amara': 'Client A', 'zoe': 'Client B'}, {'A Co': 'Company 1', 'B Ltd': 'Company 2'})
    """
    people = (
        {name: f"Client {_letters(i)}" for i, name in enumerate(sorted(log.clients))}
        if clients
        else {}
    )
    firms = (
        {name: f"Company {i + 1}" for i, name in enumerate(sorted(log.companies))}
        if companies
        else {}
    )
    return Pseudonyms(people, firms)


def _clean_objects(series: pd.Series, clean: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``clean`` applied to the strings of an object column: plain strings, and
    strings inside lists or tuples (questions to ask, tags).

    All the strings go through ``clean`` together as one Series; only the
    lists are rebuilt afterwards, each with its own type.
    """
    flat = series.reset_index(drop=True).explode()  # index: the row each string came from
    values = flat.to_numpy(dtype=object, copy=True)
    is_text = flat.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
    if is_text.any():
        cleaned = clean(pd.Series(values[is_text], dtype="str"))
        values[is_text] = cleaned.to_numpy(dtype=object)
    rows = flat.index.to_numpy()
    chunks = np.split(values, np.flatnonzero(np.diff(rows)) + 1) if len(rows) else []

    def rebuilt(cell: Any, chunk: Any) -> Any:
        if isinstance(cell, str):
            return chunk[0]
        if isinstance(cell, list | tuple) and len(cell):
            return type(cell)(chunk)
        return cell

    out = [rebuilt(cell, chunk) for cell, chunk in zip(series, chunks, strict=True)]
    return pd.Series(out, index=series.index, dtype=object, name=series.name)


def _frame(
    frame: pd.DataFrame,
    clean: Callable[[pd.Series], pd.Series],
    *,
    exact: Mapping[str, Mapping[str, str]],
    keep: Iterable[str] = (),
    blank: Iterable[str] = (),
    ids: Mapping[str, str],
    labels: Callable[[pd.Series], pd.Series],
) -> pd.DataFrame:
    """A copy of ``frame`` with names replaced in every text column.

    ``clean`` runs on free text; the client and company columns, when not
    replaced exactly, only get ``labels`` (pseudonyms), never the free-text
    rules.
    """
    out = frame.copy()
    skip = set(keep)
    for col in out.columns:
        series = out[col]
        if col in skip:
            continue
        if col == "entry_id":
            out[col] = series.map(lambda e: ids.get(e, e)).astype(series.dtype)
        elif col in exact:
            mapping = exact[col]
            out[col] = series.map(lambda v, m=mapping: m.get(v, v) if isinstance(v, str) else v)
            out[col] = out[col].astype(series.dtype)
        elif col in blank:
            out[col] = series.map(lambda v: {} if isinstance(v, dict) else pd.NA).astype(
                series.dtype
            )
        elif pd.api.types.is_string_dtype(series) or series.dtype == object:
            how = labels if col in ("client", "company") else clean
            if series.dtype == object:
                out[col] = _clean_objects(series, how)
            else:
                out[col] = how(series).astype(series.dtype)
    return out


def anonymize(
    log: ReflectionLog,
    *,
    clients: bool = True,
    companies: bool = False,
    contacts: bool = True,
    names: Iterable[str] = (),
) -> ReflectionLog:
    """A new log with names and contact details replaced, ready to share.

    Client names become ``"Client A"``, ``"Client B"``, ... in sorted order of
    the real names (with ``clients=True``, the default), company names
    ``"Company 1"``, ... in sorted order (with ``companies=True``). Names are
    replaced in the client and company columns and, whole-word and ignoring
    case, inside every text: items, plan B actions, role, employer's view,
    notes, questions. Entry ids (derived from
    names) are replaced by neutral ones, the ``source`` file paths and the
    ``extra`` fields are dropped, and the list of loading problems is emptied,
    since all of them may name people or companies.

    With ``contacts=True`` (the default) the same texts also lose what could
    identify other people:

    * e-mail addresses become ``[email]``;
    * phone numbers become ``[phone]``: international (``+44 7700 900123``,
      ``0044 ...``), national with a leading 0 (``07700 900123``,
      ``(020) 7946 0958``) and North American (``555-123-4567``). Dates,
      years, times, durations and sums of money are not phone numbers;
    * web addresses (``https://...``, ``www...``) and domains with a path
      (``linkedin.com/in/jdoe``) become ``[link]``;
    * handles (``@jdoe``) become ``[handle]``;
    * a capitalised name (one or two words, or a list joined by "and" or
      commas) becomes ``[name]`` where the words around it say it is a
      person: after a title (``Dr Patel``), after "with", "from", "by",
      "asked", "told", "met", "thanked", "emailed", "call", "dear" and
      similar; after a role ("recruiter Sarah", "the hiring manager, Tom
      Baker"); before "'s" and something a person has ("Sarah's panel");
      before "from" and a team ("Sarah from HR"); before a role in
      brackets or between commas ("Tom (the CTO)", "Tom, the recruiter,");
      before a verb that needs a person ("Tom asked").

    Never taken for a name: all-capital words (SQL, AWS, STAR, HR), "I", the
    words of :data:`NOT_NAMES` (theme words, weekdays, months, pronouns,
    words that often start a sentence, common tech terms), the log's own
    client and company names (``clients`` and ``companies`` decide those),
    and a capitalised word with no such cue next to it, so the first word of
    a sentence stays.

    What it cannot find: a name with no cue next to it ("Sarah was late",
    "Tom and I"), names written in lower case or all capitals ("sarah from
    hr"), names that are also common words after a cue ("with May"),
    spelt-out contact details ("jo at acme dot com"), phone numbers in other
    shapes (``1234 5678``), or a company written differently from its
    ``company`` field. It also hides a little too much at times: a place or
    a company that is not in the log, after "with" or "from" ("from Leeds")
    becomes ``[name]``, and a long reference number with a leading 0 may
    become ``[phone]``. It is a careful helper, not a guarantee: read the
    export before sharing it, and list the people you know about in
    ``names``.

    Parameters
    ----------
    log : ReflectionLog
    clients : bool
        Replace client names (default True).
    companies : bool
        Replace company names (default False).
    contacts : bool
        Replace e-mail addresses, phone numbers, links, handles and people's
        names found from the words around them, as above (default True: an
        over-cautious ``[name]`` is easier to live with than a leak).
    names : iterable of str
        More names to replace by ``[name]`` wherever they are written,
        whole-word and ignoring case: interviewers, referees, anyone you
        know is mentioned. Give each form you used ("Tom Baker" and "Tom").
        Applied whatever ``contacts`` is.

    Returns
    -------
    ReflectionLog
        The input log is not changed.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> log = example_log()
    >>> log.clients, anonymize(log).clients
    (['ana', 'ben'], ['Client A', 'Client B'])

    Contact details and the names the text points to:

    >>> import pandas as pd
    >>> from recovery_analytics import ReflectionLog
    >>> items = log.items.head(1).assign(
    ...     text="Sarah from HR emailed jo.k@acme.com; call +44 7700 900123")
    >>> shared = anonymize(ReflectionLog(log.interviews, items, log.actions, log.problems))
    >>> shared.items["text"].iloc[0]
    '[name] from HR emailed [email]; call [phone]'

    Names you know, and what is left alone:

    >>> items = log.items.head(1).assign(text="Rambled on STAR with Tom on Monday at 14:00")
    >>> shared = anonymize(ReflectionLog(log.interviews, items, log.actions, log.problems),
    ...                    names=["tom"])
    >>> shared.items["text"].iloc[0]
    'Rambled on STAR with [name] on Monday at 14:00'
    """
    names_of = pseudonyms(log, clients=clients, companies=companies)
    replacer = names_of._replacer()
    label_rules: list[_Rule] = [] if replacer is None else [replacer]
    text_rules = [
        *_rules(contacts=contacts, names=names, known=[*log.clients, *log.companies]),
        *label_rules,
    ]

    def clean(texts: pd.Series) -> pd.Series:
        return _scrub(texts, text_rules)

    def labels(texts: pd.Series) -> pd.Series:
        return _scrub(texts, label_rules)

    ids = {eid: f"x-{i + 1:05d}" for i, eid in enumerate(log.interviews.index)}
    exact: dict[str, Mapping[str, str]] = {}
    if clients:
        exact["client"] = names_of.clients
    if companies:
        exact["company"] = names_of.companies
    interviews = _frame(
        log.interviews.reset_index(),
        clean,
        exact=exact,
        blank=("source", "extra"),
        ids=ids,
        labels=labels,
    ).set_index("entry_id")
    keep = ("polarity", "themes", "theme")
    items = _frame(log.items, clean, exact=exact, keep=keep, ids=ids, labels=labels)
    actions = _frame(log.actions, clean, exact=exact, ids=ids, labels=labels)
    return ReflectionLog(interviews, items, actions, problems_frame([]))
