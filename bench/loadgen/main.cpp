// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// banter-loadgen: drives a real banterd (or the ceiling relay) over loopback and prints one
// JSON line per scenario plus a one-line summary. Every loop is bounded in count and time.
//   banter-loadgen pairs --banterd build/release/server/banterd [--database URL]
//   banter-loadgen pairs --target relay --relay build/release/bench/ceiling/banter-ceiling-relay
#include "scenarios.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Banter load generator (loopback only)."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"scenario"_s,
                                 u"pairs, rate, group, idle, login, history, sync or search."_s);
    parser.addOptions(
        {{u"banterd"_s, u"banterd binary."_s, u"path"_s, u"build/release/server/banterd"_s},
         {u"relay"_s, u"Ceiling relay binary."_s, u"path"_s,
          u"build/release/bench/ceiling/banter-ceiling-relay"_s},
         {u"target"_s, u"banter or relay (pairs, idle)."_s, u"target"_s, u"banter"_s},
         {u"database"_s, u"Database URL for banterd (default: SQLite in a temporary directory)."_s,
          u"url"_s},
         {u"pairs"_s, u"Pairs of users."_s, u"n"_s, u"10"_s},
         {u"window"_s, u"Messages in flight per sender."_s, u"n"_s, u"32"_s},
         {u"seconds"_s, u"Measured duration."_s, u"s"_s, u"10"_s},
         {u"rate"_s, u"Offered msgs/s (rate)."_s, u"n"_s, u"5000"_s},
         {u"group-size"_s, u"Group members (group)."_s, u"n"_s, u"100"_s},
         {u"connections"_s, u"Idle connections (idle)."_s, u"n"_s, u"1000"_s},
         {u"logins"_s, u"Logins (login)."_s, u"n"_s, u"40"_s},
         {u"history-messages"_s, u"Stored messages (history)."_s, u"n"_s, u"1000000"_s},
         {u"missed"_s, u"Missed messages (sync)."_s, u"n"_s, u"10000"_s},
         {u"search-messages"_s, u"Stored messages (search)."_s, u"n"_s, u"1000000"_s},
         {u"history-changes"_s,
          u"history: of every 10 rows one reply, one edited message and one reaction event, "
          "with two reactions on a message."_s}});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);

    BenchOptions o;
    o.banterd = parser.value(u"banterd"_s);
    o.relay = parser.value(u"relay"_s);
    o.target = parser.value(u"target"_s);
    o.database = parser.value(u"database"_s);
    o.pairs = std::clamp(parser.value(u"pairs"_s).toInt(), 1, 1000);
    o.window = std::clamp(parser.value(u"window"_s).toInt(), 1, 10'000);
    o.seconds = std::clamp(parser.value(u"seconds"_s).toDouble(), 1.0, 600.0);
    o.rate = std::clamp(parser.value(u"rate"_s).toDouble(), 1.0, 1e6);
    // banterd allows groups of at most 800 (ConversationRules::MaxGroupSizeAllowed).
    o.groupSize = std::clamp(parser.value(u"group-size"_s).toInt(), 2, 800);
    o.connections = std::clamp(parser.value(u"connections"_s).toInt(), 1, 50'000);
    o.logins = std::clamp(parser.value(u"logins"_s).toInt(), 1, 10'000);
    o.historyMessages = std::clamp(parser.value(u"history-messages"_s).toLongLong(), qint64(100),
                                   qint64(10'000'000));
    o.historyChanges = parser.isSet(u"history-changes"_s);
    o.missed = std::clamp(parser.value(u"missed"_s).toInt(), 1, 1'000'000);
    o.searchMessages = std::clamp(parser.value(u"search-messages"_s).toLongLong(), qint64(1000),
                                  qint64(10'000'000));

    const QString scenario = parser.positionalArguments().first();
    QJsonObject result;
    if (scenario == "pairs"_L1)
        result = runPairs(o);
    else if (scenario == "rate"_L1)
        result = runRate(o);
    else if (scenario == "group"_L1)
        result = runGroup(o);
    else if (scenario == "idle"_L1)
        result = runIdle(o);
    else if (scenario == "login"_L1)
        result = runLogin(o);
    else if (scenario == "history"_L1)
        result = runHistory(o);
    else if (scenario == "sync"_L1)
        result = runSync(o);
    else if (scenario == "search"_L1)
        result = runSearch(o);
    else
        parser.showHelp(2);

    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    QStringList summary;
    for (auto it = result.begin(); it != result.end(); ++it) {
        const QJsonValue v = it.value();
        summary << it.key() + u'='
                + (v.isDouble() ? QString::number(v.toDouble(), 'g', 6) : v.toString());
    }
    std::printf("summary: %s\n", qPrintable(summary.join(u' ')));
    return 0;
}
