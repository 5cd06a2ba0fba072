// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/message.h>
#include <banter/domain/result.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Banter::MessageContent {

inline constexpr int MaxTextLength = 5000; ///< in characters (Unicode code points)
inline constexpr int MaxFileNameLength = 255; ///< longest attachment name, in characters
inline constexpr int MaxThumbnailBytes = 16 * 1024; ///< largest image thumbnail, in bytes
/// Largest reaction in UTF-8 bytes: room for the longest emoji ZWJ sequences (about 35).
inline constexpr int MaxEmojiBytes = 64;
inline constexpr int MaxDistinctReactions = 20; ///< different emoji one message may carry
/// Upper bound of one emoji's count on the wire (a group's members; generous).
inline constexpr int MaxReactionsPerEmoji = 1'000'000;
inline constexpr int MaxMentions = 50; ///< most members one message mentions

/// Length in Unicode code points, which is what a person counts as characters.
BANTERSHARED_EXPORT int characterCount(const QString &text);
/// True when the text encodes to valid UTF-8: no unpaired surrogates and no NUL.
BANTERSHARED_EXPORT bool isWellFormedText(const QString &text);
/// True for a character that can make a name read as something it is not: control
/// characters (C0, C1, line and paragraph separators) and the bidirectional marks, embeddings,
/// overrides and isolates (U+200E/F, U+061C, U+202A–U+202E, U+2066–U+2069), with which
/// `invoice\u202Efdp.exe` shows as `invoiceexe.pdf`.
BANTERSHARED_EXPORT bool isDisguisingCharacter(QChar c);
/// True when a name (display name, group name, file name) has no disguising character.
BANTERSHARED_EXPORT bool isSafeName(const QString &name);
/// The name with every disguising character replaced by U+FFFD, so that what a person reads
/// is what the bytes say (file names, which are kept rather than refused).
BANTERSHARED_EXPORT QString neutralisedName(const QString &name);
/// Decodes strictly: invalid UTF-8 sequences are an error rather than U+FFFD.
BANTERSHARED_EXPORT Result<QString> decodeUtf8(const QByteArray &bytes);

/// The rules a message must satisfy before it is stored: text messages are not empty or blank
/// and at most MaxTextLength characters; image/file messages carry a well-formed attachment
/// and an optional caption; clients may not send system messages.
BANTERSHARED_EXPORT Status validateForSend(const Message &message);
/// The rules for the attachment of an image or file message: a file id, a name of 1 to
/// MaxFileNameLength valid characters, a positive size, a thumbnail of at most
/// MaxThumbnailBytes, and for images a positive width and height.
BANTERSHARED_EXPORT Status validateAttachment(MessageType type, const Attachment &attachment);

/// A reaction is one grapheme cluster (what a person sees as one symbol, emoji ZWJ sequences
/// and flags included) of at most MaxEmojiBytes UTF-8 bytes, with no control characters and
/// not white space; anything else is ErrorCode::BadRequest (TooLarge when over the bytes).
BANTERSHARED_EXPORT Status validateEmoji(const QString &emoji);
/// The new text of an edit follows the rules of a text message's content (not empty, at most
/// MaxTextLength characters, well-formed).
BANTERSHARED_EXPORT Status validateEditText(const QString &text);
/// The usernames written as `@username` in the text (lowercased, each once, in order, at most
/// MaxMentions); the server resolves them to members.
BANTERSHARED_EXPORT QStringList mentionedUsernames(const QString &text);

} // namespace Banter::MessageContent
