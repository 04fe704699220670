#!/usr/bin/env python3
"""Archive-scale benchmark: builds the generated archive at quarter, half and full size.

    python3 scripts/bench.py [--runs 3] [--committees 40] [--years 20] [--dir /tmp/agendum-bench]
                             [--sizes 0.25,0.5,1] [--hugo] [--pdfs]

For each size it generates the corpus once (examples/gen-archive.rs with `--scale`: the
committees stay, the number of municipal years scales, so every year has the same size), then builds it `--runs` times from clean (no output folder, no
PDF cache) with the release binary, and prints, as medians: pages written, wall time, pages a
second, peak memory, output bytes and each stage's time (from `agendum build --timings`); each
build's line also says when its memory peaked and in which stage (sampled every 0.1 s).
Without `--pdfs` the builds pass `--no-pdfs`: the targets are for the HTML pages and the search
index; agenda packs are measured by examples/pack-bench.rs.

Then, at the largest size, it measures rebuilds into a cached output folder: a first build
with `--cache`, `--runs` rebuilds with nothing changed, `--runs` rebuilds each after adding a
sentence to the newest report, and `--runs` rebuilds each after changing an item's purpose on
the newest meeting's agenda (a record, not a report's text). `--no-clean` skips the clean builds
and measures the rebuilds only.

With `--hugo` it also builds, in the same run, a Hugo site (Debian's `hugo`) with as many pages
as Agendum wrote at the smallest size (Hugo needs about 13 GB at 50,000 pages, so larger sizes
do not complete on a 24 GiB machine), pages of 600–1,500 words, `--runs` times.
"""

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AGENDUM = os.path.join(ROOT, "target", "release", "agendum")
GEN = os.path.join(ROOT, "target", "release", "examples", "gen-archive")


def rss_of(pid):
    """The resident set size of a process in bytes, or 0."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_timed(cmd, **kw):
    """Runs cmd under /usr/bin/time; returns (wall seconds, peak RSS bytes, stderr, sampled peak).
    The sampled peak, (seconds from the start, MiB), comes from reading the resident memory
    every 0.1 s; with the stage times it says which stage the peak is in (`peak_stage`)."""
    start = time.monotonic()
    p = subprocess.Popen(["/usr/bin/time", "-f", "PEAK_RSS_KB=%M"] + cmd, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, **kw)
    out = {}
    reader = threading.Thread(target=lambda: out.update(zip(("stdout", "stderr"), p.communicate())))
    reader.start()
    peak, at = 0, 0.0
    while reader.is_alive():
        # The child of /usr/bin/time is the build.
        try:
            children = open(f"/proc/{p.pid}/task/{p.pid}/children").read().split()
        except OSError:
            children = []
        r = sum(rss_of(c) for c in children)
        if r > peak:
            peak, at = r, time.monotonic() - start
        reader.join(0.1)
    wall = time.monotonic() - start
    stdout, stderr = out.get("stdout", ""), out.get("stderr", "")
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{stdout}\n{stderr}")
    rss = int(re.search(r"PEAK_RSS_KB=(\d+)", stderr).group(1)) * 1024
    return wall, rss, stderr, (at, peak / 2**20)


def stages_of(stderr):
    """The stage times and counts of a build's `--timings` line."""
    return dict(kv.split("=") for kv in re.search(r"^stages: (.*)$", stderr, re.M).group(1).split())


def peak_stage(sampled, stages):
    """The stage a build's sampled memory peak fell in, from its `--timings` stages (run in this
    order: load, link, check, then packs, html, feeds and data, then search, then commit)."""
    at, mib = sampled
    t = 0.0
    for name in ("load", "link", "check", "packs", "html", "feeds", "data", "search", "commit"):
        t += float(stages.get(name, 0))
        if at <= t:
            return f"{mib:.0f} MiB at {at:.1f} s, in {name}"
    return f"{mib:.0f} MiB at {at:.1f} s, after the stages"


# Outputs of earlier runs are moved here instead of deleted, and deleted only when every
# measurement is done. On ext4 without a journal (this project's benchmark machines) the kernel
# will not reuse an inode for a minute or more after it is freed (`recently_deleted` in
# fs/ext4/ialloc.c), and it checks every such inode each time it creates a file: creating the
# next build's 200,000 files straight after deleting the last build's took up to half of the
# build's processor time in the kernel, in proportion to what had just been deleted, not to
# what Agendum did. A clean build here means one into a folder that does not exist, with nothing
# freshly deleted.
OLD = None


def set_aside(path):
    """Moves `path`, if it exists, into OLD for deletion at the end."""
    if os.path.exists(path):
        os.makedirs(OLD, exist_ok=True)
        os.rename(path, os.path.join(OLD, f"{len(os.listdir(OLD))}"))


def delete_set_aside(wait):
    """Deletes what `set_aside` moved; with `wait`, then waits until the kernel reuses the freed
    inodes (written back by `sync`, they are held for 60 s)."""
    if OLD and os.path.isdir(OLD):
        shutil.rmtree(OLD, ignore_errors=True)
        if wait:
            os.sync()
            print("deleted the outputs of an earlier run; waiting 65 s before measuring", flush=True)
            time.sleep(65)


def generate(committees, years, scale, out):
    if os.path.isdir(os.path.join(out, "content")):
        as_of = open(os.path.join(out, "as-of")).read().strip()
        return as_of
    set_aside(out)
    p = subprocess.run([GEN, "--committees", str(committees), "--years", str(years), "--scale", str(scale),
                        "--out", out],
                       capture_output=True, text=True, check=True)
    m = re.search(r"--as-of[ =](\d{4}-\d{2}-\d{2})", p.stdout + p.stderr)
    if not m:
        sys.exit(f"gen-archive did not say which --as-of to use:\n{p.stdout}\n{p.stderr}")
    with open(os.path.join(out, "as-of"), "w") as f:
        f.write(m.group(1))
    return m.group(1)


def rebuilds(corpus, as_of, pdfs, runs):
    """Rebuild figures in a cached output folder: nothing changed, one report edited, one agenda changed."""
    out = os.path.join(corpus, "public")
    cache = os.path.join(corpus, "cache")
    set_aside(out)
    set_aside(cache)
    cmd = [AGENDUM, "build", "--root", corpus, "--output", out, "--as-of", as_of, "--cache", cache, "--timings"]
    if not pdfs:
        cmd.append("--no-pdfs")
    first, first_rss, err, sampled = run_timed(cmd)
    print(f"  first build with the cache: memory peak {peak_stage(sampled, stages_of(err))}", flush=True)
    same = [run_timed(cmd)[0] for _ in range(runs)]
    # The newest report of the corpus: edited once per run, a sentence at a time.
    reports = sorted(
        (os.path.join(d, f) for d, _, fs in os.walk(os.path.join(corpus, "content", "committees"))
         if d.endswith("reports") for f in fs if f.endswith(".md")),
        key=lambda p: p.split(os.sep)[-3])
    report = reports[-1]

    def add_sentence(i):
        with open(report, "a") as f:
            f.write(f"\nA sentence added to the report for benchmark run {i}.\n")

    edited = edited_rebuilds(cmd, runs, add_sentence, "edited rebuild")
    # A record changed rather than a report's text: the purpose of an item on the newest
    # meeting's agenda, as a clerk correcting an agenda would.
    meetings = sorted(
        (os.path.join(d, "meeting.yaml") for d, _, fs in os.walk(os.path.join(corpus, "content", "committees"))
         if "meeting.yaml" in fs),
        key=lambda p: p.split(os.sep)[-2])
    meeting = meetings[-1]

    def amend_purpose(i):
        with open(meeting) as f:
            text = f.read()
        with open(meeting, "w") as f:
            f.write(text.replace('purpose: "', f'purpose: "(Amended {i}) ', 1))

    record = edited_rebuilds(cmd, runs, amend_purpose, "rebuild after an agenda change")
    return (first, first_rss), same, edited, record


def edited_rebuilds(cmd, runs, edit, label):
    """`runs` rebuilds, each after `edit(run number)`: a list of (wall, peak RSS, stages)."""
    out = []
    for i in range(runs):
        edit(i)
        wall, rss, err, sampled = run_timed(cmd)
        stages = stages_of(err)
        print(f"  {label}: {wall:.1f} s, memory peak {peak_stage(sampled, stages)}", flush=True)
        out.append((wall, rss, stages))
    return out


def rebuilt_and_peak(runs):
    """The medians of pages rendered, files written and peak memory of some rebuilds."""
    med = statistics.median
    return (f"pages rendered {med([int(e[2]['pages']) - int(e[2].get('kept', 0)) for e in runs]):.0f}, "
            f"files written {med([int(e[2].get('changed', 0)) for e in runs]):.0f}, "
            f"peak {med([e[1] for e in runs]) / 2**20:.0f} MiB")


def build(corpus, as_of, pdfs):
    out = os.path.join(corpus, "public")
    set_aside(out)
    cmd = [AGENDUM, "build", "--root", corpus, "--output", out, "--as-of", as_of, "--no-cache", "--timings"]
    if not pdfs:
        cmd.append("--no-pdfs")
    wall, rss, err, sampled = run_timed(cmd)
    stages = stages_of(err)
    print(f"  build of {os.path.basename(corpus)}: {wall:.1f} s, memory peak {peak_stage(sampled, stages)}",
          flush=True)
    return wall, rss, stages


WORDS = ("council committee report budget housing residents service planning application ward members "
         "officers consultation policy review delivery contract savings income demand pressure quarter "
         "year placements transport waste collection the of and to in for with on is will be has are").split()


def hugo_site(pages, out):
    set_aside(out)
    os.makedirs(os.path.join(out, "content", "papers"))
    os.makedirs(os.path.join(out, "layouts", "_default"))
    with open(os.path.join(out, "config.toml"), "w") as f:
        f.write('baseURL = "https://example.gov.uk/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term"]\n')
    with open(os.path.join(out, "layouts", "_default", "baseof.html"), "w") as f:
        f.write('<!DOCTYPE html><html lang="en"><head><title>{{ .Title }}</title></head><body>'
                '<nav><a href="/">Home</a></nav><main>{{ block "main" . }}{{ end }}</main></body></html>\n')
    with open(os.path.join(out, "layouts", "_default", "single.html"), "w") as f:
        f.write('{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n')
    with open(os.path.join(out, "layouts", "_default", "list.html"), "w") as f:
        f.write('{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}'
                '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')
    rng = random.Random(42)
    for i in range(pages):
        n = rng.randint(600, 1500)
        words = [rng.choice(WORDS) for _ in range(n)]
        paras = [" ".join(words[j:j + 80]).capitalize() + "." for j in range(0, n, 80)]
        with open(os.path.join(out, "content", "papers", f"p{i}.md"), "w") as f:
            f.write(f"---\ntitle: Paper {i}\ndate: 2020-01-01\n---\n\n## Summary\n\n" + "\n\n".join(paras) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--committees", type=int, default=40)
    ap.add_argument("--years", type=int, default=20)
    ap.add_argument("--sizes", default="0.25,0.5,1")
    ap.add_argument("--dir", default="/tmp/agendum-bench")
    ap.add_argument("--hugo", action="store_true")
    ap.add_argument("--pdfs", action="store_true")
    ap.add_argument("--no-rebuilds", action="store_true", help="skip the rebuild figures")
    ap.add_argument("--no-clean", action="store_true", help="skip the clean builds (rebuild figures only)")
    args = ap.parse_args()
    global OLD
    OLD = os.path.join(args.dir, "set-aside")
    delete_set_aside(wait=True)
    subprocess.run(["cargo", "build", "--release", "--bin", "agendum", "--example", "gen-archive"], cwd=ROOT, check=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    print(f"commit {commit}, {os.cpu_count()} cores, runs {args.runs}, pdfs {'on' if args.pdfs else 'off'}")
    header = ("size", "committees", "pages", "wall s", "pages/s", "peak MiB", "output MB",
              "load", "link", "check", "html", "packs", "search", "feeds", "data")
    print(" | ".join(header))
    hugo_pages = 0
    for size in [float(s) for s in args.sizes.split(",")]:
        committees = args.committees
        corpus = os.path.join(args.dir, f"corpus-{committees}x{args.years}-{size}")
        as_of = generate(committees, args.years, size, corpus)
        if args.no_clean:
            continue
        results = [build(corpus, as_of, args.pdfs) for _ in range(args.runs)]
        med = lambda xs: statistics.median(xs)
        wall = med([r[0] for r in results])
        rss = med([r[1] for r in results])
        st = results[0][2]
        pages = int(st["pages"])
        hugo_pages = hugo_pages or pages
        stage = {k: med([float(r[2][k]) for r in results]) for k in
                 ("load", "link", "check", "html", "packs", "search", "feeds", "data")}
        print(" | ".join(str(x) for x in (
            size, committees, pages, f"{wall:.1f}", f"{pages / wall:.0f}", f"{rss / 2**20:.0f}",
            f"{int(st['bytes']) / 1e6:.0f}", *(f"{stage[k]:.2f}" for k in stage))))
        sys.stdout.flush()
    if not args.no_rebuilds:
        first, same, edited, record = rebuilds(corpus, as_of, args.pdfs, args.runs)
        med = statistics.median
        (first, first_rss) = first
        print(f"rebuilds at size {size}: first build with cache {first:.1f} s, peak {first_rss / 2**20:.0f} MiB; "
              f"nothing changed: median "
              f"{med(same):.2f} s ({', '.join(f'{x:.2f}' for x in same)}); one report edited: median "
              f"{med([e[0] for e in edited]):.1f} s ({', '.join(f'{e[0]:.1f}' for e in edited)}), "
              f"load {med([float(e[2]['load']) for e in edited]):.1f} s, "
              f"html {med([float(e[2]['html']) for e in edited]):.1f} s, "
              f"search {med([float(e[2]['search']) for e in edited]):.1f} s, "
              f"data {med([float(e[2]['data']) for e in edited]):.1f} s, "
              f"commit {med([float(e[2].get('commit', 0)) for e in edited]):.1f} s, "
              f"{rebuilt_and_peak(edited)}")
        print(f"rebuilds at size {size}: one agenda changed: median {med([e[0] for e in record]):.1f} s "
              f"({', '.join(f'{e[0]:.1f}' for e in record)}), {rebuilt_and_peak(record)}")
        sys.stdout.flush()
    if args.hugo:
        site = os.path.join(args.dir, "hugo")
        hugo_site(hugo_pages, site)
        runs = []
        for _ in range(args.runs):
            set_aside(os.path.join(site, "public"))
            runs.append(run_timed(["hugo", "--quiet", "--source", site]))
        wall = statistics.median([r[0] for r in runs])
        rss = statistics.median([r[1] for r in runs])
        print(f"hugo | {hugo_pages} pages | {wall:.1f} s | {hugo_pages / wall:.0f} pages/s | {rss / 2**20:.0f} MiB")
    delete_set_aside(wait=False)


if __name__ == "__main__":
    main()
