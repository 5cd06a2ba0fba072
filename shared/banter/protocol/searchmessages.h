// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The "search" request and its reply (docs/PROTOCOL.md, "Search").

#include <banter/bantershared_export.h>
#include <banter/domain/ids.h>
#include <banter/domain/result.h>

#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace Banter::Protocol {

/// Marks the start of a highlighted match inside SearchHit::snippet (U+0002). The server
/// removes this character and SearchHighlightEnd from the message text before it marks
/// matches, so every marker in a snippet is one the server placed. A client splits the
/// snippet at the markers and styles the parts itself; it never hands a snippet to an HTML
/// or rich-text renderer (the message text is the sender's and may contain markup).
inline constexpr char16_t SearchHighlightStart = u'\u0002';
/// Marks the end of a highlighted match inside SearchHit::snippet (U+0003).
inline constexpr char16_t SearchHighlightEnd = u'\u0003';

/// "search": full-text search over the messages the user may read, newest first.
struct BANTERSHARED_EXPORT SearchRequest
{
    static constexpr int DefaultLimit = 20; ///< hits per page when the request does not say
    static constexpr int MaxLimit = 50; ///< most hits per page
    static constexpr int MaxQueryChars = 200; ///< longest query (code points); longer: too_large
    QString query; ///< the text to find, literally (1 to MaxQueryChars characters, not blank)
    ConversationId conversationId = 0; ///< only this conversation, or 0 for all of mine
    qint64 before = 0; ///< the `before` of the previous page's reply, or 0 for the newest
    int limit = DefaultLimit; ///< most hits to return (1 to MaxLimit)
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<SearchRequest> fromJson(const QJsonObject &object);
    friend bool operator==(const SearchRequest &, const SearchRequest &) = default;
};

/// A piece of a snippet: plain text, highlighted (a match) or not.
struct BANTERSHARED_EXPORT SnippetPart
{
    QString text; ///< plain text, to be shown as such (never parsed as markup)
    bool highlighted = false; ///< whether this piece matched the query
    friend bool operator==(const SnippetPart &, const SnippetPart &) = default;
};

/// One message that matched a search.
struct BANTERSHARED_EXPORT SearchHit
{
    ConversationId conversationId = 0; ///< the conversation the message is in
    Seq seq = 0; ///< its seq there (history's `around`/`before_seq` can open it)
    QUuid messageId; ///< the message's id
    UserId senderId = 0; ///< who sent it
    qint64 createdAtMs = 0; ///< when the server stored it (ms since the epoch)
    /// Up to about 160 characters of the message around the first match, matches wrapped in
    /// SearchHighlightStart … SearchHighlightEnd; "…" where text was cut. Plain text.
    QString snippet;
    /// The snippet split at its markers, in order, markers removed; an unpaired marker (not
    /// something this server sends) is dropped and highlighting stops at the end.
    QList<SnippetPart> snippetParts() const;
    /// Encodes this as a JSON object.
    QJsonObject toJson() const;
    /// Decodes a JSON object strictly.
    static Result<SearchHit> fromJson(const QJsonObject &object);
    friend bool operator==(const SearchHit &, const SearchHit &) = default;
};

/// The reply to search.
struct BANTERSHARED_EXPORT SearchReply
{
    QList<SearchHit> hits; ///< newest first; may be fewer than asked even when hasMore
    bool hasMore = false; ///< older messages remain to be searched: ask again with `before`
    qint64 before = 0; ///< the cursor for the next page (meaningful when hasMore)
    /// Encodes this as a frame's `data` object.
    QJsonObject toJson() const;
    /// Decodes a frame's `data` strictly; the error names the first field that is missing,
    /// of the wrong type or out of range.
    static Result<SearchReply> fromJson(const QJsonObject &object);
    friend bool operator==(const SearchReply &, const SearchReply &) = default;
};

} // namespace Banter::Protocol
