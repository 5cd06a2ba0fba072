// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Banter::Server {

// The part of a message shown for a search hit: up to about `maxChars` characters around the
// first match of `query` (case-insensitive), each match in the window wrapped in
// Protocol::SearchHighlightStart/End, "…" where the text was cut. The marker characters are
// removed from the content first, so a message cannot forge a highlight. Never splits a
// surrogate pair. Made here, not by the database, so both backends mark alike.
QString searchSnippet(const QString &content, const QString &query, int maxChars = 160);

} // namespace Banter::Server
