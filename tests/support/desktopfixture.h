// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the desktop suites share: a running banterd, users signed up on it, and main windows
// over their sessions, shown offscreen. It replaces the prelude each test used to repeat
// (server, sessions, window, and a SessionCloser declared in the right place): everything
// here goes in a safe order when the fixture does.

#include "testserver.h"
#include <banter/domain/ids.h>

#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {
class AccountContext;
class AppSettings;
class MainWindow;
} // namespace Banter::Desktop

namespace Banter::Test {

class DesktopFixture
{
public:
    explicit DesktopFixture(Server::ServerConfig config = TestServer::defaultConfig());
    ~DesktopFixture();
    DesktopFixture(const DesktopFixture &) = delete;
    DesktopFixture &operator=(const DesktopFixture &) = delete;

    bool start();
    TestServer &server() { return m_server; }

    // A session that registered `username` (password "correct horse") and finished its first
    // sync; nullptr if that failed. The fixture owns it. The display name defaults to the
    // username in capitals, as signedUpSession() does.
    ClientSession *signUp(const QString &username, const QString &displayName = {});

    // A main window over the session's account (an AccountContext with `settings`, and a
    // download cache of its own), shown and exposed; nullptr if it did not show. The
    // fixture owns both; `settings` must outlive the fixture.
    Desktop::MainWindow *showWindow(ClientSession &session, Desktop::AppSettings &settings);
    // showWindow(), then, once its conversation list holds `listed` conversations, opens
    // `conversation`: the start most window tests share. nullptr if either step failed.
    Desktop::MainWindow *showChat(ClientSession &session, Desktop::AppSettings &settings,
                                  ConversationId conversation, int listed = 1);

private:
    TestServer m_server;
    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<ClientSession>> m_sessions;
    std::vector<std::unique_ptr<Desktop::AccountContext>> m_accounts;
    std::vector<std::unique_ptr<Desktop::MainWindow>> m_windows;
};

} // namespace Banter::Test
