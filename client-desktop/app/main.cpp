// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// banter: the desktop client. Resumes a remembered session or asks to sign in, then shows
// the main window.
#include "core/accountcontext.h"
#include "core/accountstore.h"
#include "core/appsettings.h"
#include "ui/certificateguard.h"
#include "ui/mainwindow.h"
#include "ui/signindialog.h"
#include "ui/theme.h"
#include "ui/trayicon.h"
#include "ui/uilanguage.h"
#include <banter/client/clientsession.h>

#include <QApplication>
#include <QEventLoop>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>

using namespace Banter;
using namespace Banter::Desktop;

namespace {
// Tries the remembered account. True when the session is signed in, or the server is
// unreachable for now (the window opens offline and the session keeps reconnecting); false
// when there is no remembered account or the server refused its tokens.
bool resume(ClientSession &session, AccountStore &store)
{
    std::optional<Result<std::optional<AccountStore::Account>>> loaded;
    QEventLoop loop;
    store.load([&](Result<std::optional<AccountStore::Account>> result) {
        loaded = std::move(result);
        loop.quit();
    });
    if (!loaded)
        loop.exec();
    if (!*loaded || !loaded->value().has_value())
        return false;
    const AccountStore::Account account = loaded->value().value();
    session.setTokens(account.accessToken, account.refreshToken);
    QObject::connect(
        &session, &ClientSession::stateChanged, &loop, [&](ClientSession::State state) {
            if (state == ClientSession::State::Ready || state == ClientSession::State::Connected)
                loop.quit(); // Connected here means the tokens were refused
        });
    // A changed certificate: the window opens offline behind the guard's warning.
    QObject::connect(&session, &ClientSession::certificateRefused, &loop, &QEventLoop::quit);
    QTimer::singleShot(std::chrono::seconds(10), &loop, &QEventLoop::quit);
    session.connectToServer(account.server);
    loop.exec();
    if (session.state() != ClientSession::State::Connected)
        return true;
    store.forget([](Status) {});
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("banter"));
    QApplication::setOrganizationName(QStringLiteral("Banter"));
    QApplication::setApplicationDisplayName(QStringLiteral("Banter"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.banter.Banter"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/banter.svg")));

    // Settings live in the standard per-user location for the names set above.
    AppSettings settings;
    applyTheme(settings.theme());
    UiLanguage::apply(settings.language()); // the settings dialog switches it later

    ClientSession session;
    session.setOptions(AppSettings::sessionOptions());
    AccountStore store;
    // Pins of servers met before, and the loud question when one presents another certificate.
    CertificateGuard certificates(session, settings);

    bool remember = resume(session, store);
    if (!remember) {
        SignInDialog signIn(session);
        if (signIn.exec() != QDialog::Accepted)
            return 0;
        remember = signIn.rememberMe();
    }
    // Refresh tokens rotate: keep the remembered copy current, or the next start would
    // present a used token and the server would end the session.
    auto saveTokens = [&] {
        if (!remember || session.refreshToken().isEmpty())
            return;
        store.save({session.url(), session.currentUser().username, session.accessToken(),
                    session.refreshToken()},
                   [&](Status saved) {
                       if (!saved) {
                           remember = false;
                           QMessageBox::information(nullptr, QObject::tr("Banter"),
                                                    saved.error().message);
                       }
                   });
    };
    saveTokens();
    QObject::connect(&session, &ClientSession::tokensChanged, &app, saveTokens);

    AccountContext account(session, settings);
    MainWindow window(account);
    QObject::connect(&window, &MainWindow::loggedOut, &app, [&] {
        remember = false;
        store.forget([&](Status) { QApplication::quit(); });
    });
    // Start minimised only when there is a tray to come back from.
    if (!settings.startMinimised() || !QSystemTrayIcon::isSystemTrayAvailable())
        window.show();
    return app.exec();
}
