#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs clang-tidy with the committed .clang-tidy over the project's translation units.

Usage: scripts/check-tidy.py [-p BUILD_DIR] [-j JOBS] [--no-cache] [FILE...]

The units come from BUILD_DIR/compile_commands.json (default build/dev; configure and build
it first, so the generated moc and resource headers exist). Generated sources under the build
directory are skipped. Each unit's result is cached in ~/.cache/banter-tidy (or
$BANTER_TIDY_CACHE), keyed by a SHA-256 of its preprocessed source with comments kept (so a
new NOLINT counts), its compile command, the .clang-tidy file and the clang-tidy version:
an unchanged unit is not analysed again. A finding in a header is reported once, however many
units include it. Every finding is printed; exits 1 when any is an error (a check listed in
WarningsAsErrors, or code clang cannot compile), 2 when it cannot run.
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIAGNOSTIC = re.compile(r"^(?P<path>/[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<kind>warning|error): ",
                        re.M)


def tidy_version(tidy):
    out = subprocess.run([tidy, "--version"], capture_output=True, text=True, check=True).stdout
    match = re.search(r"version (\S+)", out)
    return f"clang-tidy {match.group(1) if match else ' '.join(out.split())}"


def unit_arguments(entry):
    if "arguments" in entry:
        return list(entry["arguments"])
    return shlex.split(entry["command"])


def preprocess(entry):
    """The unit's source as the compiler sees it, comments kept (NOLINT lives in comments)."""
    out, args = [], iter(unit_arguments(entry))
    for arg in args:
        if arg == "-o":
            next(args, None)  # the object file
        elif arg != "-c" and not arg.startswith("-o"):
            out.append(arg)
    out += ["-E", "-C", "-o", "-"]
    result = subprocess.run(out, cwd=entry["directory"], capture_output=True)
    if result.returncode != 0:
        raise RuntimeError(f"preprocessing {entry['file']} failed:\n"
                           + result.stderr.decode(errors="replace"))
    return result.stdout


# Keys, manifests and stored output name the checkout as @ROOT@, so that a clone in another
# folder (CI clones afresh) finds what an earlier run here analysed.
ROOT_BYTES = str(ROOT).encode()


def portable(data):
    return data.replace(ROOT_BYTES, b"@ROOT@") if isinstance(data, bytes) \
        else data.replace(str(ROOT), "@ROOT@")


def local(text):
    return text.replace("@ROOT@", str(ROOT))


LINE_MARKER = re.compile(rb'^# \d+ "([^"<][^"]*)"', re.M)
_file_hashes = {}


def file_hash(path):
    if path not in _file_hashes:
        try:
            _file_hashes[path] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            _file_hashes[path] = "missing"
    return _file_hashes[path]


def dependencies_hash(deps):
    """Hash of the dependencies' names (portable) and contents (read here)."""
    digest = hashlib.sha256()
    for dep in deps:
        digest.update(f"{dep}\0{file_hash(local(dep))}\n".encode())
    return digest.hexdigest()


def cache_key(entry, salt, cache_dir):
    """SHA-256 of the preprocessed unit, its command and the salt (tidy version, config).

    Preprocessing a Qt unit takes about a second, so a manifest remembers which files the
    unit read and their contents' hashes (as ccache's direct mode does): when none of them
    changed, the key of the last preprocessing is still right and is reused.
    """
    arguments = portable(json.dumps(unit_arguments(entry)))
    unit = hashlib.sha256(salt + arguments.encode()
                          + portable(entry["file"]).encode()).hexdigest()
    manifest = cache_dir / "manifests" / f"{unit}.json" if cache_dir else None
    if manifest and manifest.exists():
        data = json.loads(manifest.read_text())
        if dependencies_hash(data["deps"]) == data["deps_hash"]:
            return data["key"]
    source = preprocess(entry)
    digest = hashlib.sha256()
    digest.update(salt)
    digest.update(arguments.encode())
    digest.update(portable(source))
    key = digest.hexdigest()
    if manifest:
        deps = sorted({portable(str(Path(entry["directory"], m.decode()).resolve()))
                       for m in LINE_MARKER.findall(source)} | {portable(entry["file"])})
        manifest.parent.mkdir(parents=True, exist_ok=True)
        tmp = manifest.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"deps": deps, "deps_hash": dependencies_hash(deps),
                                   "key": key}))
        tmp.replace(manifest)
    return key


def analyse(entry, args, salt, cache_dir):
    """Returns (file, output, from_cache, crashed)."""
    started = time.monotonic()
    key = cache_key(entry, salt, cache_dir) if cache_dir else None
    cached = cache_dir / key[:2] / f"{key}.json" if key else None
    if cached and cached.exists():
        data = json.loads(cached.read_text())
        return entry["file"], local(data["output"]), True, False
    command = [args.clang_tidy, "-p", str(args.build_dir), "--quiet",
               f"--config-file={ROOT / '.clang-tidy'}",
               # The dev preset's -Werror would turn clang's own warnings into hard errors that
               # stop the analysis; they are reported as findings instead.
               "--extra-arg=-Wno-error", "--extra-arg=-Wno-unknown-warning-option",
               entry["file"]]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    output = result.stdout
    if result.returncode != 0 and not DIAGNOSTIC.search(output):
        # clang-tidy itself failed (a unit it cannot parse): a finding too, never cached away.
        output += result.stderr
        return entry["file"], output or f"clang-tidy exited {result.returncode}\n", False, True
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"file": portable(entry["file"]), "output": portable(output),
                                   "seconds": round(time.monotonic() - started, 1)}))
        tmp.replace(cached)
    return entry["file"], output, False, False


def findings(output):
    """Splits clang-tidy output into diagnostics, each with its notes and code excerpt."""
    blocks, current = [], []
    for line in output.splitlines():
        if DIAGNOSTIC.match(line):
            if current:
                blocks.append(current)
            current = [line]
        elif current:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def relative(line):
    return line.replace(str(ROOT) + "/", "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-p", dest="build_dir", type=Path, default=ROOT / "build" / "dev")
    parser.add_argument("-j", dest="jobs", type=int, default=2)
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--clang-tidy", default=os.environ.get("CLANG_TIDY", "clang-tidy"))
    parser.add_argument("files", nargs="*", help="only these sources (default: all)")
    args = parser.parse_args()
    args.build_dir = args.build_dir.resolve()

    database = args.build_dir / "compile_commands.json"
    if not database.exists():
        print(f"check-tidy: {database} is missing; run cmake --preset dev and build first",
              file=sys.stderr)
        return 2
    try:
        version = tidy_version(args.clang_tidy)
    except (OSError, subprocess.CalledProcessError):
        print(f"check-tidy: {args.clang_tidy} not found; run scripts/install-deps.sh --test",
              file=sys.stderr)
        return 2

    wanted = {str(Path(f).resolve()) for f in args.files}
    entries, seen = [], set()
    for entry in json.loads(database.read_text()):
        path = str(Path(entry["directory"], entry["file"]).resolve())
        if path.startswith(str(args.build_dir)) or not path.startswith(str(ROOT)):
            continue  # moc, rcc and other generated code
        if path.startswith(str(ROOT / "tests" / "layering") + "/"):
            continue  # files that must not compile (the layering tests)
        if (wanted and path not in wanted) or path in seen:
            continue
        seen.add(path)
        entries.append(dict(entry, file=path))
    if not entries:
        print("check-tidy: no translation units to check", file=sys.stderr)
        return 2

    salt = (version + "\n").encode() + (ROOT / ".clang-tidy").read_bytes()
    cache_dir = None
    if not args.no_cache:
        cache_dir = Path(os.environ.get("BANTER_TIDY_CACHE",
                                        Path.home() / ".cache" / "banter-tidy"))
        cache_dir.mkdir(parents=True, exist_ok=True)

    started = time.monotonic()
    unique, hits, failures, done = {}, 0, 0, 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(analyse, e, args, salt, cache_dir) for e in entries]
        for future in concurrent.futures.as_completed(futures):
            try:
                file, output, from_cache, crashed = future.result()
            except RuntimeError as error:
                print(f"check-tidy: {error}", file=sys.stderr)
                failures += 1
                continue
            hits += from_cache
            done += 1
            if not from_cache and done % 16 == 0:
                print(f"check-tidy: {done} of {len(entries)} units done", flush=True)
            blocks = findings(output)
            if crashed:
                blocks = [[f"{file}: clang-tidy failed on this unit:"] + output.splitlines()]
            for block in blocks:
                # Generated code (moc output included by a test) matches the header filter too.
                if block[0].startswith(str(args.build_dir) + "/"):
                    continue
                unique.setdefault(relative(block[0]), [relative(l) for l in block[1:]])

    elapsed = time.monotonic() - started
    summary = (f"check-tidy: {len(entries)} units ({hits} from the cache) in {elapsed:.0f} s "
               f"with {version}")
    if failures:
        print(f"{summary}; {failures} units could not be preprocessed", file=sys.stderr)
        return 2
    if not unique:
        print(f"{summary}: no findings")
        return 0
    for first in sorted(unique):
        print(first)
        for line in unique[first]:
            print(line)
    # Checks named in WarningsAsErrors (.clang-tidy: the ones that find bugs, not style) and
    # code clang cannot compile come out as errors and fail the check; the rest are reported
    # as warnings to fix as files are touched.
    errors = sum(1 for first in unique if ": error: " in first)
    print(f"{summary}: {len(unique)} findings, {errors} of them errors "
          "(fix them, or add NOLINT(check) with a reason)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
