"""Command line: ``python -m dashboard validate | export | coverage | vocabulary | draft |
add-source | schema``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from .core.addsource import AddSourceError, add_source
from .core.coverage import coverage
from .core.dataset import DATA_DIR_ENV, default_data_dir
from .core.draft import DraftError, draft_claims, drafts_yaml
from .core.export import safe_csv
from .core.loader import load_dataset
from .core.schema import stale_schemas, write_schemas
from .core.table import tidy_table
from .core.vocabulary import vocabulary_report

ROOT = Path(__file__).resolve().parents[1]


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir else default_data_dir()


def cmd_validate(args: argparse.Namespace) -> int:
    dataset = load_dataset(_data_dir(args))
    if args.format == "json":
        json.dump(
            {
                "valid": dataset.valid,
                "claims": len(dataset.claims),
                "problems": [p.as_dict() for p in dataset.problems],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
    else:
        for problem in dataset.problems:
            print(problem)
        summary = (
            f"{len(dataset.claims)} claims, {len(dataset.sites)} sites, "
            f"{len(dataset.metrics)} metrics, {len(dataset.sources)} sources"
        )
        if dataset.valid:
            print(f"ok: {summary}")
        else:
            print(f"{len(dataset.problems)} problems; {summary} valid", file=sys.stderr)
    return int(not dataset.valid)


def cmd_export(args: argparse.Namespace) -> int:
    dataset = load_dataset(_data_dir(args))
    for problem in dataset.problems:
        print(problem, file=sys.stderr)
    frame = tidy_table(dataset)
    out = Path(args.output)
    if args.format == "csv":
        out.write_bytes(safe_csv(frame))
    elif args.format == "json":
        frame.to_json(out, orient="records", force_ascii=False, date_format="iso", indent=1)
    else:
        frame.to_parquet(out, index=False)
    print(f"wrote {len(frame)} rows to {out}", file=sys.stderr)
    return int(not dataset.valid) if args.strict else 0


def cmd_coverage(args: argparse.Namespace) -> int:
    dataset = load_dataset(_data_dir(args))
    reports = coverage(dataset)
    if args.format == "json":
        json.dump(
            [
                {
                    "source": r.source_id,
                    "file": r.file,
                    "counts": {s: r.count(s) for s in ("claim", "date", "excluded", "uncaptured")},
                    "figures": [vars(f) for f in r.figures if args.all or f.status == "uncaptured"],
                }
                for r in reports
            ],
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
        return 0
    total = {s: 0 for s in ("claim", "date", "excluded", "uncaptured")}
    for r in reports:
        counts = {s: r.count(s) for s in total}
        for s in total:
            total[s] += counts[s]
        print(
            f"{r.source_id} {r.file}: {len(r.figures)} numbers: {counts['claim']} in claims, "
            f"{counts['date']} dates, {counts['excluded']} excluded, "
            f"{counts['uncaptured']} not captured"
        )
        for f in r.figures:
            if f.status == "uncaptured" or args.all:
                extra = f" ({f.reason})" if f.reason else ""
                print(f"  line {f.line}: {f.text:>8} [{f.status}] …{f.context}…{extra}")
    print(
        f"all: {sum(total.values())} numbers: {total['claim']} in claims, {total['date']} "
        f"dates, {total['excluded']} excluded, {total['uncaptured']} not captured"
    )
    return 0


def cmd_vocabulary(args: argparse.Namespace) -> int:
    dataset = load_dataset(_data_dir(args))
    report = vocabulary_report(dataset)
    if args.format == "json":
        json.dump(
            {
                "metrics": [vars(m) for m in report.metrics],
                "used_once": [m.metric_id for m in report.used_once],
                "unlinked_repeats": [p.as_dict() for p in report.unlinked],
                "disagreements": [
                    [f"{item.file}:{item.line} {item.record.id}" for _, item in d.claims]
                    for d in report.disagreements
                ],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
        return 0
    print(f"{'metric':<40} claims facts sites periods variants (used/declared)")
    for m in report.metrics:
        declared = ",".join(m.variants_declared) or "-"
        used = ",".join(m.variants_used) or "-"
        print(
            f"{m.metric_id:<40} {m.claims:>6} {m.facts:>5} {m.sites:>5} {m.periods:>7} "
            f"{used} / {declared}"
        )
    once = len(report.used_once)
    share = once / len(report.metrics) if report.metrics else 0.0
    print(
        f"{len(report.metrics)} metrics; {once} ({share:.0%}) carried by one claim; "
        f"{len(report.unused)} unused"
    )
    print(f"unlinked repeats: {len(report.unlinked)}")
    for problem in report.unlinked:
        print(f"  {problem}")
    print(f"disagreements: {len(report.disagreements)}")
    for found in report.disagreements:
        print(
            "  "
            + " | ".join(
                f"{item.record.id} {item.record.value:g}{item.record.unit}"
                for _, item in found.claims
            )
        )
    return 0


def cmd_draft(args: argparse.Namespace) -> int:
    dataset = load_dataset(_data_dir(args))
    try:
        drafts = draft_claims(dataset, args.source)
    except DraftError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    title = dataset.sources[args.source].record.title
    text = drafts_yaml(drafts, args.source, title)
    undecided = sum(len(d.undecided) for d in drafts)
    summary = f"{len(drafts)} claims drafted for {args.source}, {undecided} fields undecided"
    if args.output is None:
        sys.stdout.write(text)
        print(summary, file=sys.stderr)
        return 0
    out = Path(args.output)
    if out.exists() and not _no_claims(out):
        print(
            f"error: {out} already holds data; write the draft to a new file and merge it by hand",
            file=sys.stderr,
        )
        return 2
    out.write_text(text, encoding="utf-8")
    print(f"{summary}: wrote {out}", file=sys.stderr)
    return 0


def _no_claims(path: Path) -> bool:
    """Whether ``path`` is an empty claims file (as add-source creates it)."""
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False
    return content is None or content == {"claims": []}


def cmd_add_source(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    try:
        added = add_source(
            data_dir,
            Path(args.file),
            publication=args.publication,
            title=args.title,
            date=args.date,
            source_id=args.id,
        )
    except AddSourceError as err:
        print(f"error: {err}\nnothing was changed", file=sys.stderr)
        return 2
    print(f"copied {args.file} to {added.article}")
    print(f"added source {added.id} to {added.sources} (sha256 {added.sha256})")
    print(f"created {added.claims} (no claims yet)")
    print(f"next: python -m dashboard draft {added.id} -o {added.claims}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    if args.write:
        for name in write_schemas(ROOT):
            print(f"wrote {name}")
        return 0
    stale = stale_schemas(ROOT)
    for name in stale:
        print(f"{name} differs from the models: run `make schema`")
    return int(bool(stale))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    data_help = f"the data folder (default: ${DATA_DIR_ENV} or ./data)"

    p = sub.add_parser("validate", help="check every data file; exit 1 on any problem")
    p.add_argument("--data-dir", help=data_help)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("export", help="write the tidy table (README: 'The tidy table')")
    p.add_argument("--data-dir", help=data_help)
    p.add_argument("--format", choices=["csv", "json", "parquet"], required=True)
    p.add_argument("-o", "--output", required=True, help="the file to write")
    p.add_argument("--strict", action="store_true", help="exit 1 when the data has problems")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("coverage", help="list numbers in the articles that no claim quotes")
    p.add_argument("--data-dir", help=data_help)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--all", action="store_true", help="list every number, not just uncaptured")
    p.set_defaults(func=cmd_coverage)

    p = sub.add_parser("vocabulary", help="each metric's use, repeats and disagreements")
    p.add_argument("--data-dir", help=data_help)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_vocabulary)

    p = sub.add_parser("draft", help="propose claims for an article's uncaptured figures")
    p.add_argument("source", metavar="SOURCE_ID", help="the article's id in sources.yaml")
    p.add_argument("--data-dir", help=data_help)
    p.add_argument(
        "-o", "--output", help="write here (a new file, or an empty claims file); else stdout"
    )
    p.set_defaults(func=cmd_draft)

    p = sub.add_parser("add-source", help="register a new article and its empty claims file")
    p.add_argument("file", metavar="FILE", help="the article as UTF-8 text")
    p.add_argument("--data-dir", help=data_help)
    p.add_argument("--publication", required=True, help="the newspaper as printed")
    p.add_argument("--title", required=True, help="the headline as printed")
    p.add_argument("--date", required=True, help="publication date, YYYY-MM-DD")
    p.add_argument("--id", help="the source id (default: the next aNNN)")
    p.set_defaults(func=cmd_add_source)

    p = sub.add_parser("schema", help="check (or --write) schema/*.json against the models")
    p.add_argument("--write", action="store_true")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))
