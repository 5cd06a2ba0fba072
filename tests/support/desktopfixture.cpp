// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopfixture.h"

#include "core/accountcontext.h"
#include "core/conversationlistmodel.h"
#include "core/filetransfers.h"
#include "sessionhelpers.h"
#include "ui/mainwindow.h"
#include "waiting.h"
#include <banter/client/clientsession.h>

#include <QTest>

namespace Banter::Test {

DesktopFixture::DesktopFixture(Server::ServerConfig config)
    : m_server(std::move(config))
{ }

// Sessions close first, while the windows and models that wait on their replies still exist
// (Qt 6.4 asserts on a continuation whose context object was destroyed first); then windows,
// accounts, sessions and the server go, each before what it refers to.
DesktopFixture::~DesktopFixture()
{
    {
        SessionCloser closer;
        for (const auto &session : m_sessions)
            closer.sessions.append(session.get());
    }
    m_windows.clear();
    m_accounts.clear();
    m_sessions.clear();
}

bool DesktopFixture::start()
{
    return m_dir.isValid() && m_server.start();
}

ClientSession *DesktopFixture::signUp(const QString &username, const QString &displayName)
{
    std::unique_ptr<ClientSession> session = signedUpSession(m_server.url(), username, displayName);
    if (!session)
        return nullptr;
    m_sessions.push_back(std::move(session));
    return m_sessions.back().get();
}

Desktop::MainWindow *DesktopFixture::showWindow(ClientSession &session,
                                                Desktop::AppSettings &settings)
{
    auto account = std::make_unique<Desktop::AccountContext>(session, settings);
    // Every window its own cache: two accounts in one process must not share downloads.
    account->files()->setCacheDir(
        m_dir.filePath(QStringLiteral("cache-%1").arg(m_accounts.size())));
    auto window = std::make_unique<Desktop::MainWindow>(*account);
    m_accounts.push_back(std::move(account));
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    m_windows.push_back(std::move(window));
    return m_windows.back().get();
}

Desktop::MainWindow *DesktopFixture::showChat(ClientSession &session,
                                              Desktop::AppSettings &settings,
                                              ConversationId conversation, int listed)
{
    Desktop::MainWindow *window = showWindow(session, settings);
    if (!window
        || !waitFor([&] { return window->account().conversations()->rowCount() == listed; },
                    DefaultWaitMs, "the conversation list"))
        return nullptr;
    window->openConversation(conversation);
    return window;
}

} // namespace Banter::Test
