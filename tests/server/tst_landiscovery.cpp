// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// LAN mode's discovery answer (issue 14) and ServerBrowser against it, in-process over real
// UDP. A LAN server listens on every interface, so the suite first moves into a network
// namespace of its own (main() below) where the only interface is loopback: nothing is ever
// reachable from outside the machine, or even from the rest of it. Between two namespaces
// joined by a veth pair, with broadcast, see tests/e2e/tst_lannetwork.cpp.
#include "net/discoveryresponder.h"
#include "rawclient.h"
#include "testserver.h"
#include "waiting.h"
#include <banter/client/serverbrowser.h>
#include <banter/protocol/discoverydatagram.h>

#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
QString privateNetworkProblem; // why the suite could not get a namespace of its own

bool writeFile(const char *path, const QByteArray &text)
{
    const int fd = ::open(path, O_WRONLY);
    if (fd < 0)
        return false;
    const bool written = ::write(fd, text.constData(), size_t(text.size())) == text.size();
    ::close(fd);
    return written;
}

// A new network namespace (as root; otherwise inside a new user namespace, which an
// unprivileged user may make) with its loopback interface up. Single-threaded: before Qt.
bool enterPrivateNetwork()
{
    const uid_t uid = ::geteuid();
    const gid_t gid = ::getegid();
    const int flags = uid == 0 ? CLONE_NEWNET : CLONE_NEWNET | CLONE_NEWUSER;
    if (::unshare(flags) != 0) {
        privateNetworkProblem = u"unshare: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (uid != 0) {
        // Keep our own ids inside, so the files the server writes are ours as usual.
        if (!writeFile("/proc/self/setgroups", "deny")
            || !writeFile("/proc/self/uid_map",
                          QByteArray::number(uid) + ' ' + QByteArray::number(uid) + " 1")
            || !writeFile("/proc/self/gid_map",
                          QByteArray::number(gid) + ' ' + QByteArray::number(gid) + " 1")) {
            privateNetworkProblem = u"cannot map ids in the user namespace"_s;
            return false;
        }
    }
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    ifreq request = {};
    std::strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
    bool up = fd >= 0 && ::ioctl(fd, SIOCGIFFLAGS, &request) == 0;
    if (up) {
        request.ifr_flags |= IFF_UP;
        up = ::ioctl(fd, SIOCSIFFLAGS, &request) == 0;
    }
    if (fd >= 0)
        ::close(fd);
    if (!up)
        privateNetworkProblem = u"cannot bring loopback up in the namespace"_s;
    return up;
}

Server::ServerConfig lanConfig()
{
    Server::ServerConfig config = TestServer::tlsConfig();
    config.lan.enabled = true;
    config.listenGiven = false; // LAN mode: every interface
    config.lan.discoveryPort = 0;
    config.lan.serverName = u"Physics lab"_s;
    return config;
}

QByteArray nonce(char fill = 'n')
{
    return QByteArray(DiscoveryNonceBytes, fill);
}

// A UDP port nothing is bound to right now.
quint16 freeUdpPort()
{
    QUdpSocket probe;
    return probe.bind(QHostAddress::LocalHost, 0) ? probe.localPort() : 0;
}

// Whether anything holds UDP `port`: binding it ourselves fails then.
bool udpPortTaken(quint16 port)
{
    QUdpSocket probe;
    return !probe.bind(QHostAddress(QHostAddress::AnyIPv4), port);
}

// A socket that queries and collects what comes back.
struct Querier
{
    QUdpSocket socket;
    QList<QNetworkDatagram> received;

    explicit Querier(const QHostAddress &from = QHostAddress::LocalHost)
    {
        if (!socket.bind(from, 0))
            qWarning("cannot bind %s: %s", qPrintable(from.toString()),
                     qPrintable(socket.errorString()));
        QObject::connect(&socket, &QUdpSocket::readyRead, &socket, [this] {
            while (socket.hasPendingDatagrams())
                received.append(socket.receiveDatagram(DiscoveryDatagramMaximumBytes + 1));
        });
    }
    void send(const QByteArray &datagram, quint16 port)
    {
        socket.writeDatagram(datagram, QHostAddress::LocalHost, port);
    }
};
} // namespace

class TestLanDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!privateNetworkProblem.isEmpty()) {
            if (qEnvironmentVariableIsSet("BANTER_TEST_REQUIRE_NETNS"))
                QFAIL(qPrintable(u"no private network namespace: "_s + privateNetworkProblem));
            QSKIP(qPrintable(u"no private network namespace: "_s + privateNetworkProblem));
        }
    }

    void answersWithWhatTheServerIs()
    {
        TestServer server(lanConfig());
        QVERIFY(server.start());
        const quint16 port = server.server()->discoveryPort();
        QVERIFY(port != 0);
        QCOMPARE(server.server()->config().listenAddress, QHostAddress(QHostAddress::Any));

        Querier querier;
        const QByteArray query = encodeDiscoveryQuery(nonce());
        querier.send(query, port);
        QVERIFY(waitFor([&] { return !querier.received.isEmpty(); }, 5000, "an answer"));
        const QNetworkDatagram &reply = querier.received.first();
        QVERIFY(reply.data().size() <= query.size());
        QCOMPARE(reply.senderPort(), int(port));
        const std::optional<DiscoveryAnswer> answer = parseDiscoveryAnswer(reply.data());
        QVERIFY(answer);
        QCOMPARE(answer->nonce, nonce());
        QCOMPARE(answer->announcement.name, u"Physics lab"_s);
        QCOMPARE(answer->announcement.port, server.port());
        QVERIFY(answer->announcement.tls);
        QCOMPARE(answer->announcement.certificateSha256, server.certificateFingerprint());
        QCOMPARE(answer->announcement.protocolVersion, 1);
    }

    // A server reachable from this machine only, one with discovery off and one not in LAN
    // mode hold no discovery port at all.
    void announcesOnlyInLanModeOffLoopback_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<bool>("lan");
        QTest::addColumn<bool>("discovery");
        QTest::newRow("LAN mode on loopback") << u"127.0.0.1"_s << true << true;
        QTest::newRow("LAN mode on IPv6 loopback") << u"::1"_s << true << true;
        QTest::newRow("discovery off") << u"0.0.0.0"_s << true << false;
        QTest::newRow("not LAN mode") << u"0.0.0.0"_s << false << true;
    }
    void announcesOnlyInLanModeOffLoopback()
    {
        QFETCH(QString, listen);
        QFETCH(bool, lan);
        QFETCH(bool, discovery);
        Server::ServerConfig config = lanConfig();
        config.listenAddress = QHostAddress(listen);
        config.listenGiven = true;
        config.lan.enabled = lan;
        config.lan.discovery = discovery;
        config.lan.discoveryPort = freeUdpPort();
        QVERIFY(config.lan.discoveryPort != 0);
        TestServer server(config);
        QVERIFY(server.start());
        QCOMPARE(server.server()->discoveryPort(), quint16(0));
        QVERIFY(!udpPortTaken(config.lan.discoveryPort));
    }

    void malformedDatagramsAreIgnored()
    {
        TestServer server(lanConfig());
        QVERIFY(server.start());
        const quint16 port = server.server()->discoveryPort();
        const Server::DiscoveryResponder *responder = server.server()->discovery();
        QVERIFY(responder);
        const QByteArray query = encodeDiscoveryQuery(nonce());
        QByteArray wrongVersion = query;
        wrongVersion[4] = 9;
        const QList<QByteArray> hostile{
            query.chopped(1),
            query.left(20),
            query + QByteArray(DiscoveryDatagramMaximumBytes, 'x'),
            QByteArray(60'000, 'x'),
            wrongVersion,
            encodeDiscoveryAnswer({1, u"x"_s, 1, false, {}}, nonce()),
            QByteArray(300, '\xff'),
        };
        Querier querier;
        for (const QByteArray &datagram : hostile)
            querier.send(datagram, port);
        QVERIFY(waitFor([&] { return responder->ignored() == quint64(hostile.size()); }, 5000,
                        "every hostile datagram read"));
        // Answers go out in order: once the well-formed query's is in, none came before it.
        querier.send(query, port);
        QVERIFY(waitFor([&] { return !querier.received.isEmpty(); }, 5000, "an answer"));
        QCOMPARE(querier.received.size(), 1);
        QCOMPARE(responder->answered(), quint64(1));
        QVERIFY(parseDiscoveryAnswer(querier.received.first().data()));
    }

    // A flood from one address, then from a hundred, is answered within the rate limits,
    // and the server still signs a client in.
    void floodsAreBoundedAndTheServerStaysResponsive()
    {
        TestServer server(lanConfig());
        QVERIFY(server.start());
        const quint16 port = server.server()->discoveryPort();
        const Server::DiscoveryResponder *responder = server.server()->discovery();
        const Server::DiscoveryResponder::Limits limits;
        constexpr int Flood = 2000;
        constexpr int Batch = 100; // what the socket's receive buffer holds without dropping
        QElapsedTimer elapsed;
        elapsed.start();
        const QByteArray query = encodeDiscoveryQuery(nonce());
        const auto handled = [responder] { return responder->answered() + responder->ignored(); };
        Querier single;
        for (int sent = 0; sent < Flood; sent += Batch) {
            for (int i = 0; i < Batch; ++i)
                single.send(query, port);
            QVERIFY(waitFor([&] { return handled() == quint64(sent + Batch); }, 5000,
                            "a batch of the flood read"));
        }
        const double seconds = double(elapsed.elapsed()) / 1000 + 1;
        const double allowedSingle =
            limits.burstPerSource + limits.answersPerSecondPerSource * seconds;
        qInfo("one source: %d queries, %llu answered, %llu ignored in %lld ms", Flood,
              responder->answered(), responder->ignored(), elapsed.elapsed());
        QVERIFY2(double(responder->answered()) <= allowedSingle,
                 qPrintable(QString::number(responder->answered())));
        QVERIFY(responder->answered() >= quint64(limits.burstPerSource));

        std::vector<std::unique_ptr<Querier>> many;
        for (int i = 2; i < 102; ++i)
            many.push_back(std::make_unique<Querier>(QHostAddress(u"127.0.0.%1"_s.arg(i))));
        const quint64 answeredBefore = responder->answered();
        elapsed.restart();
        for (int round = 0; round < 10; ++round) {
            for (const auto &querier : many)
                querier->send(query, port);
            QVERIFY(waitFor([&] { return handled() == quint64(Flood + (round + 1) * 100); }, 5000,
                            "a round of the second flood read"));
        }
        const double allowedAll =
            limits.burst + limits.answersPerSecond * (double(elapsed.elapsed()) / 1000 + 1);
        const quint64 answeredAll = responder->answered() - answeredBefore;
        qInfo("100 sources: 1000 queries, %llu answered in %lld ms", answeredAll,
              elapsed.elapsed());
        QVERIFY(double(answeredAll) <= allowedAll);
        // Each source's own burst is not the limit here: the global one is.
        QVERIFY(answeredAll < 100 * quint64(limits.burstPerSource));

        RawClient client;
        client.pinCertificate(server.certificateFingerprint());
        QVERIFY(client.open(server.url()));
        QVERIFY(client.registerUser(u"alice"_s));
    }

    // Source addresses are remembered for their rate limit up to maxSources; past that a
    // new source is not answered (until the remembered ones have gone quiet).
    void rememberedSourcesAreBounded()
    {
        Server::DiscoveryResponder::Limits limits;
        limits.maxSources = 16;
        Server::DiscoveryResponder responder({1, u"bounded"_s, 7654, false, {}},
                                             QHostAddress::AnyIPv4, limits);
        QVERIFY(responder.start(0));
        std::vector<std::unique_ptr<Querier>> many;
        for (int i = 2; i < 52; ++i) {
            many.push_back(std::make_unique<Querier>(QHostAddress(u"127.0.1.%1"_s.arg(i))));
            many.back()->send(encodeDiscoveryQuery(nonce()), responder.port());
        }
        QVERIFY(waitFor([&] { return responder.answered() + responder.ignored() == 50; }, 5000,
                        "every query read"));
        QCOMPARE(responder.answered(), quint64(limits.maxSources));
        QCOMPARE(responder.ignored(), quint64(50 - limits.maxSources));
    }

    void browserFindsAndLosesTheServer()
    {
        TestServer server(lanConfig());
        QVERIFY(server.start());
        ServerBrowser::Options options;
        options.discoveryPort = server.server()->discoveryPort();
        options.queryIntervalMs = 100;
        options.lostAfterMs = 600;
        ServerBrowser browser(options);
        QSignalSpy found(&browser, &ServerBrowser::serverFound);
        QSignalSpy lost(&browser, &ServerBrowser::serverLost);
        QVERIFY(browser.start());
        QVERIFY(browser.isActive());
        QVERIFY(waitFor([&] { return !found.isEmpty(); }, 5000, "the server found"));
        const auto discovered = found.first().first().value<DiscoveredServer>();
        QCOMPARE(discovered.name, u"Physics lab"_s);
        QCOMPARE(discovered.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(discovered.port, server.port());
        QVERIFY(discovered.tls);
        QCOMPARE(discovered.claimedSha256, server.certificateFingerprint());
        QCOMPARE(discovered.url(), server.url());
        QCOMPARE(browser.servers().size(), 1);

        server.stop();
        QVERIFY(waitFor([&] { return lost.size() == 1; }, 5000, "the server lost"));
        QCOMPARE(lost.first().first().value<DiscoveredServer>().key(), discovered.key());
        QVERIFY(browser.servers().isEmpty());
        QCOMPARE(found.size(), 1);
    }

    // A forged answer (a nonce the browser never sent) is ignored, and however many servers
    // answer, the browser keeps at most maxServers.
    void browserIgnoresForgedAnswersAndBoundsItsList()
    {
        QUdpSocket impostor;
        QVERIFY(impostor.bind(QHostAddress::LocalHost, 0));
        int queries = 0;
        connect(&impostor, &QUdpSocket::readyRead, this, [&] {
            while (impostor.hasPendingDatagrams()) {
                const QNetworkDatagram datagram = impostor.receiveDatagram(2048);
                const std::optional<QByteArray> sent = parseDiscoveryQuery(datagram.data());
                if (!sent)
                    continue;
                ++queries;
                const auto answer = [&](const QString &name, quint16 port, const QByteArray &n) {
                    impostor.writeDatagram(encodeDiscoveryAnswer({1, name, port, false, {}}, n),
                                           datagram.senderAddress(),
                                           quint16(datagram.senderPort()));
                };
                answer(u"forged"_s, 1, nonce('f'));
                for (quint16 port = 2; port < 40; ++port)
                    answer(u"server %1"_s.arg(port), port, *sent);
                // Last of each round, a change the browser reports: all before it was read.
                answer(u"round %1"_s.arg(queries), 2, *sent);
            }
        });
        ServerBrowser::Options options;
        options.discoveryPort = impostor.localPort();
        options.maxServers = 8;
        options.queryIntervalMs = 60'000; // refresh() below sends the second query
        ServerBrowser browser(options);
        QSignalSpy found(&browser, &ServerBrowser::serverFound);
        QSignalSpy changed(&browser, &ServerBrowser::serverChanged);
        const auto roundSeen = [&](int round) {
            for (const QList<QVariant> &signal : std::as_const(changed)) {
                if (signal.first().value<DiscoveredServer>().name == u"round %1"_s.arg(round))
                    return true;
            }
            return false;
        };
        QVERIFY(browser.start());
        QVERIFY(waitFor([&] { return roundSeen(1); }, 5000, "the first round of answers"));
        browser.refresh();
        QVERIFY(waitFor([&] { return roundSeen(2); }, 5000, "the second round of answers"));
        QCOMPARE(found.size(), options.maxServers);
        QCOMPARE(browser.servers().size(), options.maxServers);
        for (const DiscoveredServer &server : browser.servers())
            QVERIFY(server.name != u"forged"_s && server.port != 1);
    }
};

int main(int argc, char *argv[])
{
    enterPrivateNetwork(); // before any thread exists; initTestCase reports a failure
    QCoreApplication app(argc, argv);
    TestLanDiscovery test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_landiscovery.moc"
