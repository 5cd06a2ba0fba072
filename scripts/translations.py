#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that every message in the given Qt Linguist files is translated (not empty,
not "unfinished", not obsolete). Exits 1 and names each untranslated string otherwise.
Used by CTest: a string added to the UI without a translation fails the build's tests."""
import sys
import xml.etree.ElementTree as ET

missing = []
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            text = (translation.text or "") if translation is not None else ""
            if translation is not None and message.get("numerus") == "yes":
                # Plural forms (tr(..., n)): every form must be filled in.
                forms = [form.text or "" for form in translation.iter("numerusform")]
                text = "" if not forms or not all(f.strip() for f in forms) else forms[0]
            if kind in ("unfinished", "missing", "vanished", "obsolete") or not text.strip():
                missing.append(f"{path}: [{name}] {message.findtext('source')!r}")
for line in missing:
    print("untranslated:", line)
print(f"{len(missing)} untranslated string(s)")
sys.exit(1 if missing else 0)
