// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A client process for tst_cachedsession to kill: opens the cache at PATH for SERVER-KEY and
// USER-ID, writes COUNT messages into CONVERSATION while its server (URL) cannot be
// reached, prints each message id and then "queued", and waits to be killed (SIGKILL).
// Usage: cachequeuer PATH SERVER-KEY USER-ID CONVERSATION COUNT URL
#include <banter/client/clientcache.h>
#include <banter/client/clientsession.h>

#include <QCoreApplication>
#include <QTextStream>
#include <QUrl>

#include <cstdio>

using namespace Banter;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 7) {
        std::fputs("usage: cachequeuer PATH SERVER-KEY USER-ID CONVERSATION COUNT URL\n", stderr);
        return 2;
    }
    auto cache =
        ClientCache::open(args.at(1), CacheIdentity{args.at(2), args.at(3).toLongLong(), {}});
    if (!cache) {
        std::fprintf(stderr, "%s\n", qPrintable(cache.error().message));
        return 1;
    }
    ClientSession session;
    session.setCache(cache->get());
    session.setTokens(u"unused"_s, u"unused"_s);
    session.connectToServer(QUrl(args.at(6)));
    QTextStream out(stdout);
    const ConversationId conversation = args.at(4).toLongLong();
    for (int i = 0; i < args.at(5).toInt(); ++i) {
        // Each send is on disk (the outbox file) before sendMessage returns.
        session.sendMessage(conversation, u"queued %1"_s.arg(i));
        out << session.pendingMessages().constLast().id.toString(QUuid::WithoutBraces) << '\n';
    }
    out << "queued\n";
    out.flush();
    return app.exec();
}
