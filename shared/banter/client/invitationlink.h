// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/result.h>

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace Banter {

/**
 * @brief A `banter://` link: where a server is, the certificate it must present, and
 * optionally an invitation to make an account there.
 *
 * `banterd invite` prints one:
 * `banter://HOST:PORT/?fp=SHA256&name=NAME&invite=TOKEN`. `fp` is the SHA-256 of the
 * server's certificate (64 hex digits; the colon-separated form is read too) and is the
 * trust anchor: a client that opens the link pins it before connecting, so a server that
 * presents another certificate is refused before any credential is sent. `tls=off` instead
 * of `fp` names a server without TLS (behind a reverse proxy on the LAN, say). `name` is how
 * the server calls itself; `invite` the invitation token for `register`. Keys the parser does
 * not know are ignored, so later versions can add some; a key given twice is an error.
 * docs/PROTOCOL.md ("Invitation links") is the reference.
 */
struct BANTERSHARED_EXPORT InvitationLink
{
    QUrl serverUrl; ///< `wss://host:port` (or `ws://` with tls=off), as ClientSession takes it
    QByteArray fingerprint; ///< SHA-256 of the server's certificate (32 bytes); empty with tls=off
    QString serverName; ///< how the server calls itself; may be empty
    QString token; ///< the invitation token; empty for a link that only names a server

    /// Longest link the parser reads, in characters.
    static constexpr int MaxLinkChars = 2048;
    /// Longest server name a link may carry (as a display name).
    static constexpr int MaxServerNameChars = 64;

    /// Reads a link strictly. BadRequest names what is wrong: not `banter://`, no host, a
    /// port out of range, a path, a missing or malformed `fp`, a name with control or
    /// bidirectional-override characters, a malformed token, a repeated key.
    static Result<InvitationLink> parse(const QString &text);
    /// The link as text; parse(toString()) gives this link back.
    QString toString() const;
    /// Whether the link carries an invitation.
    bool hasInvitation() const { return !token.isEmpty(); }

    friend bool operator==(const InvitationLink &, const InvitationLink &) = default;
};

} // namespace Banter
