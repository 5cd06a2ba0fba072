// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// banter: the desktop client. Shows the main window at once for a remembered account (the
// session connects behind it) or asks to sign in first.
#include "core/accountcontext.h"
#include "core/accountstore.h"
#include "core/appsettings.h"
#include "core/singleinstance.h"
#include "ui/certificateguard.h"
#include "ui/mainwindow.h"
#include "ui/messagetext.h"
#include "ui/signindialog.h"
#include "ui/theme.h"
#include "ui/trayicon.h"
#include "ui/uilanguage.h"
#include <banter/client/clientsession.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QIcon>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPointer>
#include <QTimer>

using namespace Banter;
using namespace Banter::Desktop;

namespace {
Q_LOGGING_CATEGORY(lcApp, "banter.desktop")

// The remembered account, if any. Reading the keychain is quick; the server is not asked here,
// so the window never waits for it.
std::optional<AccountStore::Account> remembered(AccountStore &store)
{
    std::optional<Result<std::optional<AccountStore::Account>>> loaded;
    QEventLoop loop;
    store.load([&](Result<std::optional<AccountStore::Account>> result) {
        loaded = std::move(result);
        loop.quit();
    });
    if (!loaded)
        loop.exec();
    if (!*loaded)
        return std::nullopt;
    return loaded->value();
}

// The banter:// link Banter was opened with (the desktop file passes it as %u), if any.
QString linkArgument(const QStringList &arguments)
{
    for (const QString &argument : arguments.mid(1)) {
        if (argument.startsWith(QLatin1String("banter://"), Qt::CaseInsensitive))
            return argument;
    }
    return {};
}

// One account at a time: an invitation is for signing up, which needs signing out.
void saySignOutFirst(const QString &username, QWidget *parent)
{
    QMessageBox::information(parent, QObject::tr("Banter"),
                             QObject::tr("Banter is signed in as %1. To use this invitation "
                                         "link, sign out first, then open the link again.")
                                 .arg(username));
}

// Signs in with the dialog (filled in from an invitation link, if one was given); false if
// the user gave up. `open` points at the dialog while it runs (a link handed over by another
// start goes into it).
bool signIn(ClientSession &session, CertificateGuard &certificates, bool &remember,
            QPointer<SignInDialog> &open, const QString &link = {}, QWidget *parent = nullptr)
{
    SignInDialog dialog(session, parent);
    open = &dialog;
    dialog.setCertificateGuard(&certificates);
    if (!link.isEmpty())
        dialog.openLink(link);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    open = nullptr; // the dialog ends here
    if (!accepted)
        return false;
    remember = dialog.rememberMe();
    return true;
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

    // --help and --version print and exit here (the packages' tests run `banter --version`).
    // The one positional argument is a banter:// link, as the desktop file's %u hands it over.
    QApplication::setApplicationVersion(QStringLiteral(BANTER_VERSION));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("url"),
                                 QObject::tr("A banter:// link to open (optional)."),
                                 QStringLiteral("[url]"));
    parser.process(app);
    const QString link = linkArgument(QCoreApplication::arguments());
    // A link to a message opens in the window once signed in; any other link (an invitation,
    // a server) is for the sign-in dialog.
    const bool linksToMessage = MessageText::messageTarget(QUrl(link)).has_value();

    // One client per user: a second start hands its link (or just "come to the front") to
    // the running one and ends here.
    SingleInstance instance(SingleInstance::socketPath());
    if (instance.claim(link) == SingleInstance::Role::Secondary) {
        qCInfo(lcApp) << "Banter is already running; handed over to it";
        return 0;
    }

    ClientSession session;
    session.setOptions(AppSettings::sessionOptions());
    AccountStore store;
    // Pins of servers met before, and the loud question when one presents another certificate.
    CertificateGuard certificates(session, settings);

    // The account's models, and its on-disk copy (opened at sign-in, or below).
    AccountContext context(session, settings);
    context.enableCache();

    // A remembered account opens the window at once, before (and whether or not) the server
    // answers, with what the cache holds; the session connects in the background and keeps
    // trying while it is down.
    std::optional<AccountStore::Account> account = remembered(store);
    bool remember = account.has_value();
    if (account && !link.isEmpty() && !linksToMessage)
        saySignOutFirst(account->username, nullptr);

    // What another start handed over: into the sign-in dialog if one is open, else the
    // window comes to the front (and says why a link cannot be used while signed in).
    QPointer<SignInDialog> openSignIn;
    QPointer<MainWindow> mainWindow;
    QString messageLink = linksToMessage ? link : QString(); // for the window, once there
    const auto handedOver = [&](const QString &handed) {
        const bool toMessage = MessageText::messageTarget(QUrl(handed)).has_value();
        if (toMessage && mainWindow) {
            qCInfo(lcApp) << "another start handed over a link to a message";
            mainWindow->openMessageLink(QUrl(handed));
            return;
        }
        if (toMessage)
            messageLink = handed; // opened once signed in; the dialog comes to the front
        const QString forSignIn = toMessage ? QString() : handed;
        if (openSignIn) {
            qCInfo(lcApp) << "another start handed over"
                          << (forSignIn.isEmpty() ? "nothing" : "a link")
                          << "; it goes to the sign-in dialog";
            if (!forSignIn.isEmpty())
                openSignIn->openLink(forSignIn);
            openSignIn->raise();
            openSignIn->activateWindow();
            return;
        }
        qCInfo(lcApp) << "another start handed over" << (forSignIn.isEmpty() ? "nothing" : "a link")
                      << "; raising the window";
        if (mainWindow) {
            mainWindow->showNormal();
            mainWindow->raise();
            mainWindow->activateWindow();
        }
        if (!forSignIn.isEmpty() && account)
            saySignOutFirst(account->username, mainWindow);
    };
    QObject::connect(&instance, &SingleInstance::linkReceived, &app, handedOver);
    QObject::connect(&instance, &SingleInstance::raiseRequested, &app,
                     [&] { handedOver(QString()); });
    if (account) {
        // The cache's integrity check reads the whole file: it runs on a worker thread while
        // the window shows, and the session connects once the cache is open, so the sign-in
        // catches up from the cached positions.
        context.openCacheInBackground(
            account->server, User{account->userId, account->username, account->displayName, 0},
            [&session, server = account->server, access = account->accessToken,
             refresh = account->refreshToken] {
                session.setTokens(access, refresh);
                session.connectToServer(server);
            });
    } else if (!signIn(session, certificates, remember, openSignIn,
                       linksToMessage ? QString() : link)) {
        return 0;
    }
    // Refresh tokens rotate: keep the remembered copy current, or the next start would
    // present a used token and the server would end the session. The user is the session's
    // once it has signed in, the remembered one before: an empty name is never saved.
    auto saveTokens = [&] {
        if (!remember || session.refreshToken().isEmpty())
            return;
        User user = session.currentUser();
        if (user.username.isEmpty() && account)
            user = User{account->userId, account->username, account->displayName, 0};
        if (user.username.isEmpty())
            return;
        const AccountStore::Account saved{
            session.url(),          user.username, session.accessToken(),
            session.refreshToken(), user.id,       user.displayName};
        account = saved;
        store.save(saved, [&](Status done) {
            if (!done) {
                remember = false;
                QMessageBox::information(nullptr, QObject::tr("Banter"), done.error().message);
            }
        });
    };
    if (!account)
        saveTokens();
    QObject::connect(&session, &ClientSession::tokensChanged, &app, saveTokens);
    QObject::connect(&session, &ClientSession::authenticated, &app, saveTokens);

    MainWindow window(context);
    mainWindow = &window;
    QObject::connect(&window, &MainWindow::loggedOut, &app, [&] {
        remember = false;
        account.reset();
        context.removeCache();
        store.forget([&](Status) { QApplication::quit(); });
    });
    // The server refused the remembered tokens (revoked, expired): forget them and ask to
    // sign in, over the window that is already there.
    // (Signing out also ends in Connected, but from Ready; a refusal follows Authenticating.)
    ClientSession::State previous = session.state();
    QObject::connect(&session, &ClientSession::stateChanged, &app, [&](ClientSession::State state) {
        const bool refused = previous == ClientSession::State::Authenticating
            && state == ClientSession::State::Connected;
        previous = state;
        if (!refused || !account)
            return;
        account.reset();
        store.forget([](Status) {});
        context.removeCache();
        QTimer::singleShot(0, &window, [&] {
            if (!signIn(session, certificates, remember, openSignIn, {}, &window))
                QApplication::quit();
            else
                saveTokens();
        });
    });
    // Start minimised only when there is a tray to come back from.
    if (!settings.startMinimised() || !QSystemTrayIcon::isSystemTrayAvailable())
        window.show();
    if (!messageLink.isEmpty())
        window.openMessageLink(QUrl(messageLink)); // brings the window up even if minimised
    return app.exec();
}
