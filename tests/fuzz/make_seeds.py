#!/usr/bin/env python3
"""Writes the seed corpora in tests/fuzz/seeds/<target>/: a few real files plus hostile examples.

Run it again after changing it (it rewrites the seeds it owns and leaves other files alone). Seeds stay below the
crash thresholds on purpose (e.g. 300 nesting levels, not 25,000): a seed that crashes stops libFuzzer before it
fuzzes anything. Inputs that do crash belong in tests/fuzz/findings/.
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SEEDS = os.path.join(HERE, "seeds")


def write(target, name, data):
    d = os.path.join(SEEDS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def copy(target, name, src):
    d = os.path.join(SEEDS, target)
    os.makedirs(d, exist_ok=True)
    shutil.copyfile(os.path.join(ROOT, src), os.path.join(d, name))


FRONT = """---
id: fuzz-page
title: Fuzz page
summary: A page for the fuzzer.
topics: [back-pain, hip-pain]
audience: patients
reviewed: 2026-01-01
next_review: 2027-01-01
sources:
  - title: A source
    by: Someone
    year: 2020
    doi: 10.1000/xyz
  - title: Another
    url: https://example.org/
---
"""

# ---- article: front matter + Markdown -------------------------------------------------------------------------
for name in ["back-basics", "carer-guide", "hip-exercise", "hip-outer"]:
    copy("article", f"real-{name}.md", f"tests/data/corpus/articles/{name}.md")
copy("article", "real-faq-common.md", "tests/data/corpus/faq/faq-common.md")
copy("article", "broken-bad-fields.md", "tests/data/broken/articles/bad-fields.md")
copy("article", "broken-bad-yaml.md", "tests/data/broken/articles/bad-yaml.md")

write("article", "empty.md", "")
write("article", "dashes-only.md", "---\n")
write("article", "unclosed-front-matter.md", "---\nid: x\ntitle: y\n")
write("article", "bom.md", "\ufeff" + FRONT + "Body text.\n")
write("article", "crlf.md", (FRONT + "## When to get help\r\n\r\nSee [urgent](when-to-get-urgent-help).\r\n").replace("\n", "\r\n"))
write("article", "invalid-utf8.md", FRONT.encode() + b"## Caf\xc3 \xff\xfe heading\n\nText \xed\xa0\x80 surrogate, \xf4\x90\x80\x80 too big, \xc0\xaf overlong.\n")
write("article", "yaml-aliases.md", """---
id: &i fuzz-alias
title: *i
summary: &s {a: [1, 2], b: !!binary aGVsbG8=}
topics: &t [back-pain, *i]
audience: !custom patients
reviewed: !!str 2026-01-01
next_review: !!timestamp 2027-01-01
importance: !!float .inf
sources:
  - &src {title: T, by: B, year: 2020, doi: 10.1/x}
  - *src
  - <<: *src
    title: merged
extra: *s
---
Body with an alias.
""")
write("article", "yaml-wrong-types.md", """---
id: [a, b]
title: {x: y}
summary:
topics: back-pain
audience: 3
reviewed: 2026-02-30
next_review: 1999-01-01
importance: lots
sources: {title: not a list}
? [complex, key]
: value
---
text
""")
write("article", "deep-quotes.md", FRONT + "> " * 300 + "deep\n")
write("article", "deep-lists.md", FRONT + "".join("  " * i + "- item\n" for i in range(120)))
write("article", "deep-emphasis.md", FRONT + "*_" * 300 + "x" + "_*" * 300 + "\n" + "[" * 300 + "a" + "](b)" * 300 + "\n")
write("article", "deep-links.md", FRONT + "[a [b [c [d](x)](y)](z)](w)\n" + "![" * 200 + "alt" + "](img.png)" * 200 + "\n")
write("article", "long-line.md", FRONT + ("The cure is not proven; about 30 % take 5 mg. " * 60) + "\n")
write("article", "long-word.md", FRONT + "## " + "x" * 2000 + "\n\n" + "y" * 3000 + "\n")
write("article", "headings-links.md", FRONT + """# Title again
## When to get help
See [urgent](when-to-get-urgent-help), [self](#when-to-get-help), [file](other.md#sec), [js](javascript:alert(1)),
[data](DATA:text/html,x), [vb](vbscript:x), [file](file:///etc/passwd), <https://autolink.example> and www.example.org.
## When to get help
### Sub
#### Deeper
##### Deeper still
###### Deepest
Setext heading
===
<div onclick="x">raw html</div>

<script>alert(1)</script>

```
code block with cure and 10 mg
```

| a | b |
|---|:-:|
| ~~strike~~ | [t](back-basics) |

![an image](http://example.org/x.png) e.g. Dr. Smith vs. 1.5 mg i.e. etc. per cent 20%.
""")
write("article", "faq-shape.md", FRONT.replace("id: fuzz-page", "id: faq-fuzz") + """Lead text before any question.
# Not a question
## First question?
Answer one.
### A sub heading
More answer.
## Second question?
## First question?
Duplicate anchor.
""")
write("article", "nul-bytes.md", FRONT.encode() + b"a\x00b\x00\n## \x00\n")

# ---- topics: topics.yaml ----------------------------------------------------------------------------------------
copy("topics", "real-fixture.yaml", "tests/data/corpus/topics.yaml")
copy("topics", "real-corpus.yaml", "corpus/topics.yaml")
write("topics", "empty.yaml", "")
write("topics", "null.yaml", "~\n")
write("topics", "scalar.yaml", "just text\n")
write("topics", "map.yaml", "id: back-pain\nlabel: Back\n")
write("topics", "bom-crlf.yaml", "\ufeff- id: back-pain\r\n  label: Back pain\r\n  description: Pain.\r\n")
write("topics", "invalid-utf8.yaml", b"- id: back\xff-pain\n  label: \xc3\x28\n  description: \xed\xa0\x80\n")
# Non-text ids and labels ({a: b}, [1, 2], ~) crash loadTopics at c81be01: see findings/topics/, not a seed.
write("topics", "wrong-types.yaml", """- id: ok-id
  label: ok
  description: fine
- id: dup
  label: one
- id: dup
  label: two
- id: Not_A_Slug
  label: bad slug
- 42
- [a, b]
- {label: no id}
""")
write("topics", "aliases-tags.yaml", """- &t {id: back-pain, label: &l Back pain, description: !custom tagged}
- *t
- <<: *t
  id: merged
- id: !!str 123
  label: *l
  description: !<tag:yaml.org,2002:str> verbatim
- id: *undefined
""")
write("topics", "laughs.yaml", "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: &d [*c, *c, *c, *c]\n"
      "e: [*d, *d, *d, *d]\n")
write("topics", "deep-flow.yaml", "- id: x\n  label: y\n  extra: " + "[" * 300 + "]" * 300 + "\n")
write("topics", "deep-block.yaml", "".join("  " * i + "- \n" for i in range(100)) + "  " * 100 + "- id: x\n")
write("topics", "multi-doc.yaml", "- id: a\n  label: A\n---\n- id: b\n  label: B\n...\n%YAML 1.2\n---\nx\n")
write("topics", "long-scalar.yaml", "- id: " + "a" * 4000 + "\n  label: " + "long " * 500 + "\n")
write("topics", "unbalanced.yaml", "- id: \"unclosed\n  label: 'also\n- {id: a, label: [b\n")

# ---- search: queries --------------------------------------------------------------------------------------------
queries = {
    "plain": "hip pain",
    "question": "what is fibromyalgia",
    "synonym-brand": "lyrica side effects",
    "synonym-lay": "SI joint",
    "misspelled": "fibromyalgea",
    "phrase": "\"outer hip\" pain",
    "unbalanced-quote": "\"hip AND",
    "operators": "(hip OR back) AND NOT pain -tendon +exercise",
    "prefix-fields": "title:hip topic:hip-pain type:faq audience:patients exerc*",
    "boolean-junk": "AND OR NOT XOR NEAR ADJ ( ) \" * + -",
    "near": "hip NEAR/3 pain ADJ/2 back",
    "wildcards": "a* b* * ** *x h*p",
    "half-typed": "hip pa",
    "parens": "((((((((((hip))))))))))",
    "long-word": "x" * 300,
    "long-topic": "topic:" + "a" * 300,
    "unicode": "douleur de la hanche ünïcödé 腰痛 🦴",
    "invalid-utf8": b"hip \xff\xfe \xc3 pain \xed\xa0\x80",
    "nul": b"hip\x00pain",
    "empty": "",
    "spaces": "   \t  ",
    "ranges": "1..5 a..b 2020..",
    "stopwords-only": "what is the",
    "caps": "HIP PAIN Lyrica",
    "over-limit": "pain " * 220,
}
for name, q in queries.items():
    write("search", name + ".txt", q)

# ---- index: front matter + Markdown, indexed (the article seeds minus the slow deep ones, plus long terms) -----
for name in ["back-basics", "hip-outer"]:
    copy("index", f"real-{name}.md", f"tests/data/corpus/articles/{name}.md")
copy("index", "real-faq-common.md", "tests/data/corpus/faq/faq-common.md")
write("index", "long-terms.md", FRONT.replace("topics: [back-pain, hip-pain]", "topics: [back-pain, " + "t" * 200 + "]")
      + "## " + "h" * 200 + "\n\n" + "w" * 300 + " words\n")
# Invalid UTF-8 in an indexed page crashes buildIndex at c81be01: see findings/index/, not a seed.
write("index", "faq-odd.md", FRONT.replace("id: fuzz-page", "id: faq-odd") + "## Q?\n\nA.\n## Q?\n\nB. \n")
