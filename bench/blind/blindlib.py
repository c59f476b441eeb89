"""Shared helpers for bench/blind/pool, score and merge (Python 3 standard library only)."""

import csv
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# --------------------------------------------------------------------------------------------------------------
# TSV files. Every file here is tab-separated UTF-8 with one header line; fields never contain tabs.


def read_tsv(path, want, what, min_fields=None):
    """Rows of a TSV file as dicts keyed by the header. `want` lists the columns that must be present.
    A file without a header line is read positionally with `want` as its columns. Rows with at least
    `min_fields` fields (default: all of `want`) are padded with empty fields."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln.rstrip("\r\n") for ln in f]
    lines = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    if not lines:
        return []
    first = lines[0].split("\t")
    if all(w in first for w in want):
        header, body = first, lines[1:]
    else:
        header, body = list(want), lines
    rows = []
    for n, ln in enumerate(body, start=2 if header is first else 1):
        fields = ln.split("\t")
        if len(fields) < (min_fields or len(want)):
            die(f"{path}:{n}: {what}: expected {len(want)} tab-separated fields, got {len(fields)}")
        fields += [""] * (len(header) - len(fields))
        rows.append(dict(zip(header, fields)))
    return rows


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(header)
        for r in rows:
            w.writerow(r)


def read_queries(path):
    rows = read_tsv(path, ["id", "type", "query", "need"], "queries")
    seen = set()
    for r in rows:
        if r["id"] in seen:
            die(f"{path}: query id {r['id']} appears twice")
        seen.add(r["id"])
    return rows


def read_judgments(path):
    """{(query id, doc id): [(grade, judge), ...]}. A missing file is an empty set of judgments."""
    out = {}
    if not path or not os.path.exists(path):
        return out
    for r in read_tsv(path, ["query_id", "doc_id", "grade", "judge"], "judgments"):
        g = r["grade"].strip()
        if g not in ("0", "1", "2"):
            die(f"{path}: grade must be 0, 1 or 2, got {g!r} for {r['query_id']} {r['doc_id']}")
        out.setdefault((r["query_id"].strip(), r["doc_id"].strip()), []).append((int(g), r["judge"].strip()))
    return out


def die(msg, status=2):
    print(f"{os.path.basename(sys.argv[0])}: {msg}", file=sys.stderr)
    sys.exit(status)


# --------------------------------------------------------------------------------------------------------------
# Corpus reading, for the judging sheets.

HELP_BOX = re.compile(r"^\s*\{\{\s*help-box\b[^}]*\}\}\s*$")
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
ATX = re.compile(r"^\s{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")


def split_front_matter(text):
    """(front matter dict of the simple top-level `key: value` lines, body)."""
    meta = {}
    if not text.startswith("---"):
        return meta, text
    lines = text.split("\n")
    end = None
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            end = i
            break
    if end is None:
        return meta, text
    for ln in lines[1:end]:
        m = re.match(r"^([A-Za-z_][\w-]*):\s*(.*)$", ln)
        if m:
            v = m.group(2).strip()
            if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
                v = v[1:-1]
            meta[m.group(1)] = v
    return meta, "\n".join(lines[end + 1:])


_FOLD_EXTRA = {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
               "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ı": "i", "ĸ": "k", "ŋ": "n", "Ŋ": "N",
               "ſ": "s", "ŀ": "l", "Ŀ": "L", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ŉ": "n", "Ĳ": "IJ", "ĳ": "ij"}


def fold_accents(text):
    """The engine's accent folding (indexer/src/words.cpp) for Latin letters up to U+017F."""
    import unicodedata
    out = []
    for ch in text:
        if "\u00c0" <= ch <= "\u017f" and ch not in "\u00d7\u00f7":
            if ch in _FOLD_EXTRA:
                out.append(_FOLD_EXTRA[ch])
                continue
            base = unicodedata.normalize("NFKD", ch)[0]
            out.append(base if base.isascii() else ch)
        else:
            out.append(ch)
    return "".join(out)


def slugify(text):
    """The engine's slug (indexer/src/slug.cpp): accents folded, ASCII letters and digits lowered, apostrophes
    dropped, every other run of characters one hyphen."""
    out, pending = [], False
    for ch in fold_accents(text):
        if ch.isascii() and ch.isalnum():
            if pending and out:
                out.append("-")
            pending = False
            out.append(ch.lower())
        elif ch == "'":
            pass
        else:
            pending = True
    return "".join(out)


def inline_text(md):
    """Heading Markdown to the plain text the engine slugs: links and images to their text, emphasis and code
    marks dropped."""
    t = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"[Image: \1]", md)
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)
    t = re.sub(r"<[^>]+>", "", t)
    t = t.replace("`", "").replace("*", "").replace("_", " ").replace("\\", "")
    return re.sub(r"\s+", " ", t).strip()


class Anchors:
    """indexer/src/slug.cpp AnchorAllocator: 80 characters at most, -2, -3... for repeats."""

    def __init__(self):
        self.used, self.next = set(), {}

    def allocate(self, heading):
        base = slugify(heading)
        if len(base) > 80:
            base = base[:80].rstrip("-")
        base = base or "section"
        cand = base
        if cand in self.used:
            n = self.next.get(base, 2)
            while True:
                cand = f"{base}-{n}"
                n += 1
                if cand not in self.used:
                    break
            self.next[base] = n
        self.used.add(cand)
        return cand


def strip_help_boxes(body):
    return "\n".join(ln for ln in body.split("\n") if not HELP_BOX.match(ln))


def headings(body):
    """[(line index, level, heading text, anchor)] for the ATX headings outside code fences."""
    out, anchors, fence = [], Anchors(), None
    for i, ln in enumerate(body.split("\n")):
        m = FENCE.match(ln)
        if m:
            fence = None if fence == m.group(1) else (fence or m.group(1))
            continue
        if fence:
            continue
        m = ATX.match(ln)
        if m:
            text = inline_text(m.group(2))
            out.append((i, len(m.group(1)), text, anchors.allocate(text)))
    return out


class Corpus:
    """Documents by id: an article `x` (articles/x.md), a whole FAQ file `f` (faq/f.md) and a FAQ entry
    `f#anchor` (the level-2 section of faq/f.md with that anchor)."""

    def __init__(self, corpus_dir):
        self.dir = corpus_dir
        self.files = {}   # id -> (kind, path)
        for kind, sub in (("article", "articles"), ("faq", "faq")):
            d = os.path.join(corpus_dir, sub)
            for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
                if name.endswith(".md"):
                    self.files[name[:-3]] = (kind, os.path.join(d, name))
        self._cache = {}

    def _load(self, file_id):
        if file_id not in self._cache:
            kind, path = self.files[file_id]
            with open(path, encoding="utf-8") as f:
                meta, body = split_front_matter(f.read().replace("\r\n", "\n"))
            body = strip_help_boxes(body)
            self._cache[file_id] = (kind, meta, body)
        return self._cache[file_id]

    def faq_entries(self, file_id):
        """{anchor: (question, section Markdown)} for the level-2 sections of a FAQ file."""
        kind, meta, body = self._load(file_id)
        lines = body.split("\n")
        hs = headings(body)
        out = {}
        for k, (i, level, text, anchor) in enumerate(hs):
            if level != 2:
                continue
            end = len(lines)
            for j, lv, _, _ in hs[k + 1:]:
                if lv <= 2:
                    end = j
                    break
            out[anchor] = (text, "\n".join(lines[i:end]).strip("\n"))
        return out

    def exists(self, doc_id):
        file_id, _, anchor = doc_id.partition("#")
        if file_id not in self.files:
            return False
        return not anchor or anchor in self.faq_entries(file_id)

    def text(self, doc_id):
        """(title, Markdown to show a judge) for a doc id."""
        file_id, _, anchor = doc_id.partition("#")
        if file_id not in self.files:
            raise KeyError(doc_id)
        kind, meta, body = self._load(file_id)
        title = meta.get("title", file_id)
        if not anchor:
            return title, body.strip("\n")
        entries = self.faq_entries(file_id)
        if anchor not in entries:
            raise KeyError(doc_id)
        return title, entries[anchor][1]
