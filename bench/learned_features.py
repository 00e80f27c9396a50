"""Features of a candidate event, from what the events stage already knows of it, for the
learned gates tried by bench/train_events.py.

A candidate is a cue in its sentence (the "plural" gate of the reader turns cues down) or
a draft (the "not-alone" gate of merging turns drafts down; the last test of merging
accepts or rejects finished events). Each feature is a name ("cue=hội đàm",
"states_in_sentence=2", "plan_before=True"): a model is a weight per name, and a
candidate's score a sparse sum of the weights of its names, in plain Python.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from diplonews.errors import LexiconError

BIAS = "#bias"
THRESHOLD = "#threshold"
LEFT_OUT: tuple[str, ...] = ()  # feature families left out (train_events.py --without)

# words before the cue that say how it is told: a plan, a recall, a process, a negation
PLAN_WORDS = re.compile(r"\b(?:sẽ|dự kiến|kế hoạch|chuẩn bị|sắp|tới đây)\b")
PAST_WORDS = re.compile(r"\b(?:đã|vừa|từng|trước đó|hôm qua|sau khi)\b")
NEG_WORDS = re.compile(r"\b(?:không|chưa|từ chối|bế tắc|đổ vỡ)\b")
PROCESS_WORDS = re.compile(r"\b(?:tiến trình|quá trình|nối lại|tiếp tục|bàn đàm phán)\b")
ROUND_WORDS = re.compile(r"\b(?:vòng|phiên|đợt)\b")
DAY_WORDS = re.compile(r"\b(?:hôm nay|hôm qua|ngày mai|sáng|chiều|tối|hôm thứ|ngày \d)")
WORD = re.compile(r"\w+")
PLURAL_BEFORE = re.compile(r"(?:các|những|một loạt)\s+(?:cuộc\s+)?$")


def _bucket(n: int, cuts: tuple[int, ...]) -> str:
    for cut in cuts:
        if n <= cut:
            return str(n) if n == cut else f"<={cut}"
    return f">{cuts[-1]}"


def cue_features(reader: Any, cue: Any, start: int, end: int, index: int) -> list[str]:
    """The features of a cue told in the sentence [start, end), the `index`-th of the body."""
    body = reader.body
    words = body[cue.start : cue.end].lower()
    lead = body[max(start, cue.start - 60) : cue.start].lower()
    after = body[cue.end : min(end, cue.end + 60)].lower()
    before_word = WORD.findall(lead)[-1:] or ["^"]
    after_word = WORD.findall(after)[:1] or ["$"]
    lex = reader.lex
    states = {
        code
        for code in reader.parties_in(start, end)
        if getattr(lex.party(code), "kind", "") == "state"
    }
    mentions = reader.mentions_in(start, end)
    named = sum(1 for m in mentions if m.name)
    out = [
        f"kind={cue.kind}",
        f"cue={words}",
        f"kind_cue={cue.kind}|{words}",
        f"before={before_word[0]}",
        f"after={after_word[0]}",
        f"states_in_sentence={_bucket(len(states), (0, 1, 2))}",
        f"named_officials={_bucket(named, (0, 1, 2))}",
        f"titles_only={_bucket(len(mentions) - named, (0, 1))}",
        f"generic={cue.generic}",
        f"named={cue.named}",
        f"sentence={_bucket(index, (0, 1, 3, 6))}",
        f"first_cue={cue.start <= start + 80}",
        f"quoted={lead.count('“') > lead.count('”') or lead.count(chr(34)) % 2 == 1}",
        f"day_in_sentence={bool(DAY_WORDS.search(body, start, end))}",
        f"plural={bool(PLURAL_BEFORE.search(lead))}",
    ]
    out += [f"flag={f}" for f in sorted(cue.flags)]
    for name, pattern in (
        ("plan", PLAN_WORDS),
        ("past", PAST_WORDS),
        ("neg", NEG_WORDS),
        ("process", PROCESS_WORDS),
        ("round", ROUND_WORDS),
        ("day", DAY_WORDS),
    ):
        out.append(f"{name}_before={bool(pattern.search(lead))}")
    return _kept(out)


def draft_features(reader: Any, d: Any) -> list[str]:
    """The features of a draft: its cue's, and what reading the sentence gave it."""
    start, end = reader.doc.sentences[d.sentence]
    event = d.event
    out = cue_features(reader, d.cue, start, end, d.sentence)
    kinds = sorted({str(getattr(reader.lex.party(c), "kind", "")) for c in event.parties})
    out += [
        f"parties={_bucket(len(event.parties), (0, 1, 2))}",
        f"people={_bucket(len(set(d.people)), (0, 1, 2))}",
        f"status={event.status}",
        f"own_date={d.own_date}",
        f"date={'none' if not event.date else len(event.date)}",
        f"location={bool(event.location)}",
        f"points_back={d.points_back}",
        f"name_parties={bool(d.name_parties)}",
        f"series={bool(event.series)}",
    ]
    out += [f"party_kind={k}" for k in kinds]
    return _kept(out)


def _kept(names: list[str]) -> list[str]:
    return [n for n in names if not n.startswith(LEFT_OUT)] if LEFT_OUT else names


def score(names: list[str], weights: dict[str, float], bias: float) -> float:
    """The model's log-odds for a candidate with these features."""
    return bias + sum(weights.get(name, 0.0) for name in names)


def parse(text: str, source: str) -> tuple[dict[str, float], float, float]:
    """(weights, bias, threshold) of a weights file's text; LexiconError when malformed."""
    weights: dict[str, float] = {}
    bias = threshold = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != 2:
            raise LexiconError(f"{source}:{number}: expected 'feature<TAB>weight', got {line!r}")
        name, raw = cells
        try:
            value = float(raw)
        except ValueError:
            raise LexiconError(f"{source}:{number}: weight {raw!r} is not a number") from None
        if not math.isfinite(value):
            raise LexiconError(f"{source}:{number}: weight {raw!r} is not finite")
        if name == BIAS:
            bias = value
        elif name == THRESHOLD:
            threshold = value
        elif name in weights:
            raise LexiconError(f"{source}:{number}: feature {name!r} given twice")
        else:
            weights[name] = value
    if bias is None or threshold is None:
        raise LexiconError(f"{source}: needs a {BIAS} row and a {THRESHOLD} row")
    return weights, bias, threshold


def write(path: Path, weights: dict[str, float], bias: float, threshold: float) -> None:
    lines = [f"{BIAS}\t{bias:.6f}", f"{THRESHOLD}\t{threshold:.6f}"]
    lines += [f"{n}\t{w:.6f}" for n, w in sorted(weights.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
