// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <optional>

/// @file
/// The LAN discovery datagrams (docs/PROTOCOL.md, "LAN discovery"): a client sends a query to
/// UDP port 7655 (broadcast or unicast), and every Banter server in LAN mode that hears it
/// answers the sender alone. Both ends use this one codec.
///
/// A query is padded to at least DiscoveryQueryMinimumBytes and an answer never exceeds
/// DiscoveryAnswerMaximumBytes, which is not larger: a forged source address cannot turn a
/// server into an amplifier.

namespace Banter {

/// The UDP port servers listen on for discovery queries, unless the operator changes it.
inline constexpr quint16 DiscoveryPort = 7655;
/// Version of the datagram layout; a datagram of another version is ignored.
inline constexpr quint8 DiscoveryVersion = 1;
/// Nonce length: the client picks it at random and accepts only answers that echo it.
inline constexpr int DiscoveryNonceBytes = 16;
/// Smallest query a server answers: shorter ones are ignored.
inline constexpr int DiscoveryQueryMinimumBytes = 256;
/// Largest datagram either side reads: longer ones are ignored unread.
inline constexpr int DiscoveryDatagramMaximumBytes = 1024;
/// Largest answer a server sends; the server name is shortened to fit.
inline constexpr int DiscoveryAnswerMaximumBytes = DiscoveryQueryMinimumBytes;
static_assert(DiscoveryAnswerMaximumBytes <= DiscoveryQueryMinimumBytes,
              "an answer may never be larger than the smallest query");

/// What a server says about itself in a discovery answer. Unauthenticated: anyone on the
/// network can send one, so the fingerprint is a claim to compare, never a pin.
struct BANTERSHARED_EXPORT DiscoveryAnnouncement
{
    int protocolVersion = 1; ///< The chat protocol version the server speaks.
    QString name; ///< The server's name as its operator set it (at most ~100 bytes).
    quint16 port = 0; ///< The TCP port of the chat (WebSocket) listener.
    bool tls = true; ///< Whether that port speaks wss:// (true) or ws://.
    QByteArray certificateSha256; ///< SHA-256 of the certificate (32 bytes); empty without TLS.

    friend bool operator==(const DiscoveryAnnouncement &, const DiscoveryAnnouncement &) = default;
};

/// A query carrying `nonce` (DiscoveryNonceBytes), padded to DiscoveryQueryMinimumBytes.
BANTERSHARED_EXPORT QByteArray encodeDiscoveryQuery(const QByteArray &nonce);
/// The nonce of a well-formed query; nullopt for anything else (wrong magic, version or kind,
/// shorter than DiscoveryQueryMinimumBytes, longer than DiscoveryDatagramMaximumBytes).
BANTERSHARED_EXPORT std::optional<QByteArray> parseDiscoveryQuery(const QByteArray &datagram);

/// An answer to the query that carried `nonce`, never longer than DiscoveryAnswerMaximumBytes
/// (the name is cut at a character boundary until it fits).
BANTERSHARED_EXPORT QByteArray encodeDiscoveryAnswer(const DiscoveryAnnouncement &announcement,
                                                     const QByteArray &nonce);

/// A parsed answer: the announcement and the nonce it echoes.
struct BANTERSHARED_EXPORT DiscoveryAnswer
{
    DiscoveryAnnouncement announcement; ///< What the server claims about itself.
    QByteArray nonce; ///< The nonce of the query it answers.
};

/// A well-formed answer, or nullopt (malformed, oversized, a port of 0, a fingerprint that is
/// not 32 bytes while TLS is on).
BANTERSHARED_EXPORT std::optional<DiscoveryAnswer> parseDiscoveryAnswer(const QByteArray &datagram);

} // namespace Banter
