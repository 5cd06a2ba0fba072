// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the suites that drive ClientSession share: waiting for a reply (await(), in
// waiting.h), a signed-up session that reconnects quickly (the tests restart servers), and
// closing sessions before the objects that wait on their replies go.

#include "waiting.h"
#include <banter/client/clientsession.h>

#include <memory>

namespace Banter::Test {

// A session that registered `username` (password "correct horse") and finished its first
// sync, reconnecting within 50–200 ms; nullptr if that failed. The display name defaults to
// the username in capitals.
std::unique_ptr<ClientSession> signedUpSession(const QUrl &url, const QString &username,
                                               const QString &displayName = {},
                                               const QString &device = QStringLiteral("test"));

// Sends `count` messages "m<firstNumber>", "m<firstNumber + 1>", … from `from`, pipelined;
// true once the server has stored them all (within a minute).
bool fillConversation(ClientSession &from, ConversationId id, int count, int firstNumber = 1);

// Declared after the windows and models, so it runs before they go: closes the sessions
// while what waits for their replies still exists (Qt 6.4 asserts on a continuation whose
// context object was destroyed first).
struct SessionCloser
{
    QList<ClientSession *> sessions;
    ~SessionCloser();
};

} // namespace Banter::Test
