// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The discovering client of tst_lannetwork, run inside the client's network namespace:
//   landiscoverer browse SECONDS [NAME]   ServerBrowser; prints a JSON line per server found,
//                                         stops early once one called NAME is found; with
//                                         --mdns-only it sends no UDP query
//   landiscoverer hostile ADDRESS         hostile datagrams and a flood at ADDRESS:7655, then
//                                         signs in to the server the answer names; prints a
//                                         JSON summary
// Exit status 0 when it ran; the test judges what it printed.
#include "rawclient.h"
#include "waiting.h"
#include <banter/client/serverbrowser.h>
#include <banter/protocol/discoverydatagram.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkDatagram>
#include <QTimer>
#include <QUdpSocket>

#include <cstdio>

using namespace Banter;
using namespace Qt::StringLiterals;

namespace {
void print(const QJsonObject &line)
{
    std::fprintf(stdout, "%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

int browse(int seconds, const QString &expected, bool mdnsOnly)
{
    ServerBrowser::Options options;
    options.udp = !mdnsOnly;
    ServerBrowser browser(options);
    QElapsedTimer started;
    QObject::connect(
        &browser, &ServerBrowser::serverFound, &browser, [&](const DiscoveredServer &server) {
            print({{u"event"_s, u"found"_s},
                   {u"name"_s, server.name},
                   {u"address"_s, server.address.toString()},
                   {u"port"_s, server.port},
                   {u"tls"_s, server.tls},
                   {u"sha256"_s, QString::fromLatin1(server.claimedSha256.toHex())},
                   {u"url"_s, server.url().toString()},
                   {u"via"_s, server.via == DiscoveredServer::Via::Mdns ? u"mdns"_s : u"udp"_s}});
            if (!expected.isEmpty() && server.name == expected)
                QCoreApplication::exit(0);
        });
    started.start();
    if (!browser.start())
        return 1;
    if (mdnsOnly && !browser.isBrowsingMdns())
        return 3;
    QTimer::singleShot(seconds * 1000, &browser, [] { QCoreApplication::exit(0); });
    return QCoreApplication::exec();
}

// Malformed datagrams and a flood of queries from one socket, counting what comes back; then
// a genuine client from the same address finds the server and signs in.
int hostile(const QHostAddress &server)
{
    QUdpSocket attacker;
    if (!attacker.bind(QHostAddress(QHostAddress::AnyIPv4), 0))
        return 1;
    qint64 answers = 0;
    qint64 largest = 0;
    QObject::connect(&attacker, &QUdpSocket::readyRead, &attacker, [&] {
        while (attacker.hasPendingDatagrams()) {
            largest = qMax<qint64>(largest, attacker.receiveDatagram(65'536).data().size());
            ++answers;
        }
    });
    const QByteArray query = encodeDiscoveryQuery(QByteArray(DiscoveryNonceBytes, 'h'));
    const QList<QByteArray> malformed{QByteArray(), query.left(1), query.chopped(1),
                                      QByteArray(60'000, 'x'), QByteArray(1500, '\0')};
    for (const QByteArray &datagram : malformed)
        attacker.writeDatagram(datagram, server, DiscoveryPort);
    constexpr int Flood = 5000;
    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 0; i < Flood; ++i) {
        attacker.writeDatagram(query, server, DiscoveryPort);
        if (i % 100 == 0)
            QCoreApplication::processEvents();
    }
    const qint64 floodMs = elapsed.elapsed();

    // A genuine client afterwards: found, and signed in.
    QUdpSocket client;
    if (!client.bind(QHostAddress(QHostAddress::AnyIPv4), 0))
        return 1;
    std::optional<DiscoveryAnswer> answer;
    const QByteArray probe = encodeDiscoveryQuery(QByteArray(DiscoveryNonceBytes, 'c'));
    // The flood used up this address's answers for now: ask again until they refill.
    const auto ask = [&] { client.writeDatagram(probe, server, DiscoveryPort); };
    QTimer again;
    again.setInterval(500);
    QObject::connect(&again, &QTimer::timeout, &client, ask);
    ask();
    again.start();
    const bool found = Test::waitFor(
        [&] {
            while (!answer && client.hasPendingDatagrams())
                answer = parseDiscoveryAnswer(client.receiveDatagram(65'536).data());
            return answer.has_value();
        },
        15'000, "an answer after the flood");
    again.stop();
    if (!found)
        answer.reset();
    bool signedIn = false;
    if (answer) {
        Test::RawClient raw;
        raw.pinCertificate(answer->announcement.certificateSha256);
        QUrl url;
        url.setScheme(answer->announcement.tls ? u"wss"_s : u"ws"_s);
        url.setHost(server.toString());
        url.setPort(answer->announcement.port);
        signedIn = raw.open(url, 15'000) && raw.registerUser(u"lanuser"_s).has_value();
    }
    QCoreApplication::processEvents();
    print({{u"queries"_s, Flood},
           {u"flood_ms"_s, floodMs},
           {u"answers"_s, answers},
           {u"largest_answer"_s, largest},
           {u"smallest_query"_s, DiscoveryQueryMinimumBytes},
           {u"found_after_flood"_s, answer.has_value()},
           {u"signed_in"_s, signedIn}});
    return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList arguments = QCoreApplication::arguments();
    const bool mdnsOnly = arguments.removeAll(u"--mdns-only"_s) > 0;
    if (arguments.size() >= 3 && arguments.at(1) == "browse"_L1)
        return browse(arguments.at(2).toInt(), arguments.value(3), mdnsOnly);
    if (arguments.size() == 3 && arguments.at(1) == "hostile"_L1)
        return hostile(QHostAddress(arguments.at(2)));
    std::fprintf(stderr,
                 "usage: landiscoverer browse SECONDS [NAME] [--mdns-only] | hostile ADDRESS\n");
    return 2;
}
