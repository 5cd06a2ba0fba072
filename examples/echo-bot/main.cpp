// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// echo-bot: signs in to a Banter server and answers every text message with "echo: <text>".
//   echo-bot --url wss://127.0.0.1:7654 --username echobot --password '...' [--register]
//            [--max-replies N]
#include <banter/client/clientsession.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("echo-bot"));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("url"), QStringLiteral("Server URL."), QStringLiteral("url"),
          QStringLiteral("wss://127.0.0.1:7654")},
         {QStringLiteral("username"), QStringLiteral("Bot account."), QStringLiteral("name")},
         {QStringLiteral("password"), QStringLiteral("Bot password."), QStringLiteral("password")},
         {QStringLiteral("register"), QStringLiteral("Create the account first.")},
         {QStringLiteral("max-replies"), QStringLiteral("Exit after this many replies (0: never)."),
          QStringLiteral("n"), QStringLiteral("0")}});
    parser.process(app);
    const QString username = parser.value(QStringLiteral("username"));
    const QString password = parser.value(QStringLiteral("password"));
    if (username.isEmpty() || password.isEmpty()) {
        std::fprintf(stderr, "echo-bot: --username and --password are required\n");
        return 2;
    }
    const int maxReplies = parser.value(QStringLiteral("max-replies")).toInt();
    const bool registerFirst = parser.isSet(QStringLiteral("register"));

    Banter::ClientSession session;
    int replies = 0;
    bool signingIn = false;

    QObject::connect(&session, &Banter::ClientSession::stateChanged, &app,
                     [&](Banter::ClientSession::State state) {
                         if (state != Banter::ClientSession::State::Connected || signingIn)
                             return;
                         signingIn = true;
                         auto reply = registerFirst
                             ? session.registerUser(username, password, QStringLiteral("Echo Bot"),
                                                    QStringLiteral("echo-bot"))
                             : session.login(username, password, QStringLiteral("echo-bot"));
                         reply.then(&app, [&](Banter::Result<Banter::Protocol::AuthGrant> grant) {
                             if (!grant) {
                                 std::fprintf(stderr, "echo-bot: sign-in failed: %s\n",
                                              qPrintable(grant.error().message));
                                 app.exit(1);
                                 return;
                             }
                             std::printf("echo-bot: signed in as %s (id %lld)\n",
                                         qPrintable(grant->user.username), grant->user.id);
                             std::fflush(stdout);
                         });
                     });
    QObject::connect(
        &session, &Banter::ClientSession::messageReceived, &app,
        [&](const Banter::Message &message) {
            if (message.type != Banter::MessageType::Text
                || message.senderId == session.currentUser().id)
                return;
            session.markRead(message.conversationId, message.seq);
            session.sendMessage(message.conversationId, QStringLiteral("echo: ") + message.content)
                .then(&app, [&](Banter::Result<Banter::Message> sent) {
                    if (!sent)
                        return;
                    if (maxReplies > 0 && ++replies >= maxReplies)
                        QTimer::singleShot(100, &app, [&app] { app.quit(); });
                });
        });
    QObject::connect(&session, &Banter::ClientSession::sessionRevoked, &app,
                     [&app](const QString &) { app.exit(3); });

    session.connectToServer(QUrl(parser.value(QStringLiteral("url"))));
    return app.exec();
}
