#!/usr/bin/env python3
"""Check eval/questions/minutes.jsonl against the real minutes it asks about.

Usage:  python3 eval/questions/check-minutes-questions.py [minutes-folder]

The folder defaults to $MINUTES_DIR, else the first `shared/corpus/real/minutes` found
next to this file or one of its parent folders (../shared/corpus/real/minutes from the
repository). The documents are never copied into the repository; without the folder the
schema is still checked and the document checks are skipped, saying so.
Needs poppler's pdftotext and pdfinfo for the five PDFs.

Checks, per question:
  * the schema (keys, id m001.. in order, doc 01..39, lang sv|en, type, match any|all);
  * unanswerable <=> no answers and page null; answerable => at least one answer and a page
    (1 for .txt/.md, 1..pages for PDFs);
  * every answer string occurs in the document's normalised text, and for PDFs at least one
    answer occurs on the cited page (a two-part answer may span pages);
  * no answer normalises to fewer than 2 characters (a lone letter or digit proves nothing).
Normalisation (as in ../shared/corpus/real/budgets/README.md): lower-case, all whitespace and
zero-width characters removed, U+2212 read as "-".

Prints counts by type, language and split (test = documents whose number is a multiple
of 3) and "OK", or the problems and exit status 1.
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUESTIONS = HERE / "minutes.jsonl"
KEYS = ["id", "doc", "lang", "type", "q", "answers", "match", "page"]
TYPES = ["person", "date", "place", "number", "list", "lookup", "yesno", "unanswerable"]
LANGS = ["sv", "en"]
DOCS = [f"{n:02d}" for n in range(1, 40)]
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def squeeze(s):
    """Lower-case, no whitespace, no zero-width characters, U+2212 as '-'."""
    return re.sub(r"\s+", "", s.translate(ZERO_WIDTH).replace("\u2212", "-")).lower()


def split_of(doc):
    return "test" if int(doc) % 3 == 0 else "dev"


def find_folder():
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    if os.environ.get("MINUTES_DIR"):
        return Path(os.environ["MINUTES_DIR"])
    for parent in HERE.parents:
        candidate = parent / "shared" / "corpus" / "real" / "minutes"
        if candidate.is_dir():
            return candidate
    return None


def pdf_pages(pdf):
    """Page texts of a PDF (pdftotext -layout; form feeds separate pages)."""
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    pages = []
    for p in range(1, count + 1):
        args = ["pdftotext", "-q", "-layout", "-f", str(p), "-l", str(p), str(pdf), "-"]
        pages.append(subprocess.run(args, capture_output=True, text=True, check=True).stdout)
    return pages


def load_docs(folder):
    """doc -> list of normalised page texts (one page for .txt/.md)."""
    docs = {}
    for doc in DOCS:
        found = [folder / f"{doc}.{ext}" for ext in ("pdf", "txt", "md")]
        found = [f for f in found if f.exists()]
        if len(found) != 1:
            raise SystemExit(f"{folder}: expected exactly one document for {doc}, found {len(found)}")
        f = found[0]
        pages = pdf_pages(f) if f.suffix == ".pdf" else [f.read_text(encoding="utf-8")]
        docs[doc] = [squeeze(p) for p in pages]
    return docs


def check_schema(rows, problems):
    seen_q = {}
    for i, (lineno, row) in enumerate(rows, start=1):
        where = f"line {lineno}"
        if not isinstance(row, dict) or list(row.keys()) != KEYS:
            problems.append(f"{where}: keys must be exactly {KEYS} in that order")
            continue
        where = f"{row['id']} (line {lineno})"
        if row["id"] != f"m{i:03d}":
            problems.append(f"{where}: id should be m{i:03d}")
        if row["doc"] not in DOCS:
            problems.append(f"{where}: doc {row['doc']!r} is not 01..39")
        if row["lang"] not in LANGS:
            problems.append(f"{where}: lang {row['lang']!r}")
        if row["type"] not in TYPES:
            problems.append(f"{where}: type {row['type']!r}")
        if row["match"] not in ("any", "all"):
            problems.append(f"{where}: match {row['match']!r}")
        q = row["q"]
        if not isinstance(q, str) or len(q.strip()) < 8:
            problems.append(f"{where}: question text missing or too short")
        elif q.strip().lower() in seen_q:
            problems.append(f"{where}: same question as {seen_q[q.strip().lower()]}")
        else:
            seen_q[q.strip().lower()] = row["id"]
        answers, page = row["answers"], row["page"]
        if not isinstance(answers, list) or not all(isinstance(a, str) and a.strip() for a in answers):
            problems.append(f"{where}: answers must be a list of non-empty strings")
            continue
        if len(set(map(squeeze, answers))) != len(answers):
            problems.append(f"{where}: duplicate answers")
        if row["type"] == "unanswerable":
            if answers or page is not None:
                problems.append(f"{where}: unanswerable needs answers [] and page null")
        else:
            if not answers:
                problems.append(f"{where}: answerable question without answers")
            if not isinstance(page, int) or isinstance(page, bool) or page < 1:
                problems.append(f"{where}: page must be a positive integer")
            if row["match"] == "all" and len(answers) < 2:
                problems.append(f"{where}: match 'all' with a single answer (use 'any')")
        for a in answers:
            if len(squeeze(a)) < 2:
                problems.append(f"{where}: answer {a!r} is too short to prove anything")


def check_documents(rows, docs, problems):
    for _, row in rows:
        if row.get("doc") not in docs or row.get("type") == "unanswerable":
            continue
        where, pages, page = row["id"], docs[row["doc"]], row["page"]
        whole = "".join(pages)
        if not isinstance(page, int) or not 1 <= page <= len(pages):
            problems.append(f"{where}: page {page} outside 1..{len(pages)} of {row['doc']}")
            continue
        for a in row["answers"]:
            if squeeze(a) not in whole:
                problems.append(f"{where}: answer {a!r} not in document {row['doc']}")
        if row["answers"] and not any(squeeze(a) in pages[page - 1] for a in row["answers"]):
            problems.append(f"{where}: no answer on cited page {page} of {row['doc']}")


def table(title, counter, keys):
    total = sum(counter.values())
    cells = ", ".join(f"{k} {counter[k]} ({100 * counter[k] / total:.0f} %)" for k in keys if counter[k])
    print(f"{title}: {cells}")


def report(rows):
    rows = [r for _, r in rows]
    total = len(rows)
    print(f"{total} questions over {len({r['doc'] for r in rows})} documents")
    table("by type", Counter(r["type"] for r in rows), TYPES)
    table("by language", Counter(r["lang"] for r in rows), LANGS)
    table("by split", Counter(split_of(r["doc"]) for r in rows), ["dev", "test"])
    print("type x language x split:")
    print(f"  {'type':<13}{'sv':>5}{'en':>5}{'dev':>6}{'test':>6}{'total':>7}")
    for t in TYPES:
        sel = [r for r in rows if r["type"] == t]
        if not sel:
            continue
        c = Counter(r["lang"] for r in sel) + Counter(split_of(r["doc"]) for r in sel)
        print(f"  {t:<13}{c['sv']:>5}{c['en']:>5}{c['dev']:>6}{c['test']:>6}{len(sel):>7}")
    for split in ("dev", "test"):
        sel = [r for r in rows if split_of(r["doc"]) == split]
        un = sum(r["type"] == "unanswerable" for r in sel)
        en = sum(r["lang"] == "en" for r in sel)
        print(f"  {split}: {len(sel)} questions, {en} English ({100 * en / len(sel):.0f} %), "
              f"{un} unanswerable ({100 * un / len(sel):.0f} %)")
    per_doc = Counter(r["doc"] for r in rows)
    print("per document: " + " ".join(f"{d}:{per_doc[d]}" for d in DOCS))


def main():
    problems = []
    rows = []
    for lineno, line in enumerate(QUESTIONS.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            problems.append(f"line {lineno}: empty line")
            continue
        try:
            rows.append((lineno, json.loads(line)))
        except json.JSONDecodeError as e:
            problems.append(f"line {lineno}: not JSON ({e})")
    check_schema(rows, problems)
    missing = [d for d in DOCS if d not in {r.get("doc") for _, r in rows}]
    if missing:
        problems.append(f"documents without questions: {' '.join(missing)}")

    folder = find_folder()
    if folder is None or not folder.is_dir():
        print("SKIP document checks: no shared/corpus/real/minutes folder found "
              "(pass it as an argument or set MINUTES_DIR)")
    else:
        check_documents(rows, load_docs(folder), problems)
        print(f"documents: {folder}")

    if not problems:
        report(rows)
    if problems:
        print(f"{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
