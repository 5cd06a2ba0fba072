// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// TLS on the real server over loopback: the self-signed certificate made on first start and
// kept, wss:// for chat and /transfer with a pinned certificate, clients that cannot or will
// not speak TLS turned away without disturbing the others, operator-provided files, and
// clear start-up errors for bad ones.
#include "net/selfsignedcertificate.h"
#include "rawclient.h"
#include "testserver.h"
#include <banter/client/certificatepin.h>
#include <banter/protocol/types.h>

#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sys/stat.h>
#include <vector>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
int modeBits(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray fileFingerprint(const QString &path)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(path);
    return certificates.isEmpty() ? QByteArray()
                                  : CertificatePin::fingerprint(certificates.first());
}

// A client of `server` that accepts its certificate, as one that pinned it would.
std::unique_ptr<RawClient> pinnedClient(TestServer &server, const QString &path = u"/"_s)
{
    auto client = std::make_unique<RawClient>();
    client->pinCertificate(server.certificateFingerprint());
    QUrl url = server.url();
    url.setPath(path);
    if (!client->open(url))
        return nullptr;
    return client;
}

bool answersHello(RawClient &client)
{
    const auto reply = client.request(u"hello"_s, {{u"protocol"_s, 1}, {u"client"_s, u"test"_s}});
    return reply && reply->success;
}
} // namespace

class TestServerTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void firstStartMakesCertificateAndRestartKeepsIt();
    void generatedCertificateNamesThisMachine();
    void missingGeneratedKeyIsAnError();
    void pinnedClientTalksOverWss();
    void transferPathWorksOverWss();
    void untrustingClientIsRefused();
    void plainClientIsRefused();
    void silentSocketIsDropped();
    void garbageIsDropped();
    void silentSocketsDoNotBlockOthers();
    void operatorFilesAreUsed();
    void badFilesFailTheStart_data();
    void badFilesFailTheStart();
    void tlsOffServesPlainWebSockets();

private:
    // A TLS server on a fresh data directory, already started.
    std::unique_ptr<TestServer> startTlsServer(int handshakeTimeoutMs = 10'000);
    // Writes a freshly generated certificate and key to <name>.pem and <name>.key.
    void writePair(const QString &name);

    QTemporaryDir m_files;
};

void TestServerTls::initTestCase()
{
    QVERIFY(m_files.isValid());
    writePair(u"a"_s);
    writePair(u"b"_s);
    QVERIFY(writeFile(m_files.filePath(u"garbage.pem"_s),
                      "-----BEGIN CERTIFICATE-----\nnot "
                      "base64 at all\n-----END "
                      "CERTIFICATE-----\n"));
}

void TestServerTls::writePair(const QString &name)
{
    const Result<Server::PemPair> pair =
        Server::generateSelfSignedCertificate({u"test.example"_s, {}});
    QVERIFY2(pair, pair ? "" : qPrintable(pair.error().message));
    QVERIFY(writeFile(m_files.filePath(name + u".pem"_s), pair->certificate));
    QVERIFY(writeFile(m_files.filePath(name + u".key"_s), pair->key));
}

std::unique_ptr<TestServer> TestServerTls::startTlsServer(int handshakeTimeoutMs)
{
    Server::ServerConfig config = TestServer::tlsConfig();
    config.tls.handshakeTimeoutMs = handshakeTimeoutMs;
    auto server = std::make_unique<TestServer>(config);
    if (!server->start())
        return nullptr;
    return server;
}

void TestServerTls::firstStartMakesCertificateAndRestartKeepsIt()
{
    auto server = startTlsServer();
    QVERIFY(server);
    QVERIFY(server->server()->isSecure());
    QCOMPARE(server->url().scheme(), u"wss"_s);
    const QString directory = QDir(server->dataDir()).filePath(u"tls"_s);
    const QString certificate = QDir(directory).filePath(u"certificate.pem"_s);
    const QString key = QDir(directory).filePath(u"key.pem"_s);
    QVERIFY(QFile::exists(certificate));
    QVERIFY(QFile::exists(key));
    QCOMPARE(modeBits(directory), 0700);
    QCOMPARE(modeBits(key), 0600);
    const QByteArray fingerprint = server->certificateFingerprint();
    QCOMPARE(fingerprint.size(), 32);
    QCOMPARE(fileFingerprint(certificate), fingerprint);

    // Clients pinned it: a restart must present the very same certificate.
    QVERIFY(server->restart());
    QCOMPARE(server->certificateFingerprint(), fingerprint);
    QCOMPARE(fileFingerprint(certificate), fingerprint);
    auto client = pinnedClient(*server);
    QVERIFY(client);
    QVERIFY(answersHello(*client));
}

void TestServerTls::generatedCertificateNamesThisMachine()
{
    auto server = startTlsServer();
    QVERIFY(server);
    const QList<QSslCertificate> certificates =
        QSslCertificate::fromPath(QDir(server->dataDir()).filePath(u"tls/certificate.pem"_s));
    QCOMPARE(certificates.size(), 1);
    const QSslCertificate &certificate = certificates.first();
    // Self-issued. (QSslCertificate::isSelfSigned() says no: OpenSSL's test behind it wants
    // keyCertSign, which a certificate that is not a CA must not have.)
    QCOMPARE(certificate.issuerDisplayName(), certificate.subjectDisplayName());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(certificate.effectiveDate() < now);
    QVERIFY(certificate.expiryDate() > now.addYears(19));
    QVERIFY(certificate.subjectInfo(QSslCertificate::CommonName).value(0).startsWith(u"banterd"_s));
    const auto names = certificate.subjectAlternativeNames();
    QVERIFY(names.values(QSsl::DnsEntry).contains(u"localhost"_s));
    QVERIFY(names.values(QSsl::IpAddressEntry).contains(u"127.0.0.1"_s));
    QCOMPARE(certificate.publicKey().algorithm(), QSsl::Ec);
}

void TestServerTls::missingGeneratedKeyIsAnError()
{
    auto server = startTlsServer();
    QVERIFY(server);
    server->stop();
    const QString key = QDir(server->dataDir()).filePath(u"tls/key.pem"_s);
    QVERIFY(QFile::remove(key));
    // Never silently replaced: a new certificate would make every client warn.
    Server::BanterServer restarted(server->config());
    const Status started = restarted.start();
    QVERIFY(!started);
    QVERIFY2(started.error().message.contains(key), qPrintable(started.error().message));
}

void TestServerTls::pinnedClientTalksOverWss()
{
    auto server = startTlsServer();
    QVERIFY(server);
    auto client = pinnedClient(*server);
    QVERIFY(client);
    QVERIFY(answersHello(*client));
    QVERIFY(client->registerUser(u"alice"_s));
    const auto conversations = client->request(u"conversations"_s);
    QVERIFY(conversations && conversations->success);
}

void TestServerTls::transferPathWorksOverWss()
{
    auto server = startTlsServer();
    QVERIFY(server);
    auto chat = pinnedClient(*server);
    QVERIFY(chat);
    const auto grant = chat->registerUser(u"alice"_s);
    QVERIFY(grant);
    auto transfer = pinnedClient(*server, u"/transfer"_s);
    QVERIFY(transfer);
    const auto auth =
        transfer->request(u"auth"_s, {{u"token"_s, grant->value(u"access_token"_s).toString()}});
    QVERIFY(auth && auth->success);
    // The transfer router answers, not the chat one: chat requests are unknown there.
    const auto chatRequest = transfer->request(u"conversations"_s);
    QVERIFY(chatRequest && !chatRequest->success);
    QCOMPARE(chatRequest->error.code, ErrorCode::UnknownType);
}

void TestServerTls::untrustingClientIsRefused()
{
    auto server = startTlsServer();
    QVERIFY(server);
    RawClient untrusting; // no pin: the self-signed certificate is not trusted
    QList<QSslError> errors;
    connect(&untrusting.socket(), &QWebSocket::sslErrors, this,
            [&errors](const QList<QSslError> &reported) { errors = reported; });
    QVERIFY(!untrusting.open(server->url()));
    // Only what a pin may override: the generated certificate is otherwise sound.
    QVERIFY(!errors.isEmpty());
    QVERIFY2(CertificatePin::onlyTrustErrors(errors), qPrintable(errors.first().errorString()));
    RawClient wrongPin;
    wrongPin.pinCertificate(QByteArray(32, 'x'));
    QVERIFY(!wrongPin.open(server->url()));
    auto client = pinnedClient(*server);
    QVERIFY(client);
    QVERIFY(answersHello(*client));
}

void TestServerTls::plainClientIsRefused()
{
    auto server = startTlsServer();
    QVERIFY(server);
    QUrl plain = server->url();
    plain.setScheme(u"ws"_s);
    RawClient client;
    QVERIFY(!client.open(plain));
    auto pinned = pinnedClient(*server);
    QVERIFY(pinned);
    QVERIFY(answersHello(*pinned));
}

void TestServerTls::silentSocketIsDropped()
{
    auto server = startTlsServer(500);
    QVERIFY(server);
    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, server->port());
    QVERIFY(silent.waitForConnected(5000));
    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 5000);
    auto client = pinnedClient(*server);
    QVERIFY(client);
    QVERIFY(answersHello(*client));
}

void TestServerTls::garbageIsDropped()
{
    auto server = startTlsServer();
    QVERIFY(server);
    QTcpSocket garbage;
    garbage.connectToHost(QHostAddress::LocalHost, server->port());
    QVERIFY(garbage.waitForConnected(5000));
    garbage.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n\r\n");
    // Well before the 10 s handshake timeout: this is not TLS at all.
    QTRY_COMPARE_WITH_TIMEOUT(garbage.state(), QAbstractSocket::UnconnectedState, 5000);
    auto client = pinnedClient(*server);
    QVERIFY(client);
    QVERIFY(answersHello(*client));
}

void TestServerTls::silentSocketsDoNotBlockOthers()
{
    auto server = startTlsServer(); // 10 s: the silent ones stay for the whole test
    QVERIFY(server);
    // More than QTcpServer's default of 30 pending connections, which sockets in their
    // handshake count against.
    std::vector<std::unique_ptr<QTcpSocket>> silent;
    for (int i = 0; i < 40; ++i) {
        silent.push_back(std::make_unique<QTcpSocket>());
        silent.back()->connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(silent.back()->waitForConnected(5000));
    }
    // No wait for the server to take them: the kernel queues connections in order, so the
    // server reaches the client below only past all forty.
    auto client = pinnedClient(*server);
    QVERIFY(client);
    QVERIFY(answersHello(*client));
}

void TestServerTls::operatorFilesAreUsed()
{
    Server::ServerConfig config = TestServer::tlsConfig();
    config.tls.certificateFile = m_files.filePath(u"a.pem"_s);
    config.tls.keyFile = m_files.filePath(u"a.key"_s);
    TestServer server(config);
    QVERIFY(server.start());
    QCOMPARE(server.certificateFingerprint(), fileFingerprint(config.tls.certificateFile));
    QVERIFY(!QFileInfo::exists(QDir(server.dataDir()).filePath(u"tls"_s)));
    auto client = pinnedClient(server);
    QVERIFY(client);
    QVERIFY(answersHello(*client));
}

void TestServerTls::badFilesFailTheStart_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("named"); // the file the error must name
    const QString a = m_files.filePath(u"a.pem"_s);
    const QString aKey = m_files.filePath(u"a.key"_s);
    const QString bKey = m_files.filePath(u"b.key"_s);
    const QString garbage = m_files.filePath(u"garbage.pem"_s);
    const QString missing = m_files.filePath(u"missing.pem"_s);
    QTest::newRow("missing certificate") << missing << aKey << missing;
    QTest::newRow("missing key") << a << missing << missing;
    QTest::newRow("garbage certificate") << garbage << aKey << garbage;
    QTest::newRow("garbage key") << a << garbage << garbage;
    QTest::newRow("certificate as key") << a << a << a;
    QTest::newRow("key of another certificate") << a << bKey << bKey;
}

void TestServerTls::badFilesFailTheStart()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, named);
    QTemporaryDir data;
    Server::ServerConfig config = TestServer::tlsConfig();
    config.dataDir = data.path();
    config.tls.certificateFile = certificate;
    config.tls.keyFile = key;
    Server::BanterServer server(config);
    const Status started = server.start();
    QVERIFY(!started);
    QVERIFY2(started.error().message.contains(named), qPrintable(started.error().message));
    QVERIFY(server.certificateFingerprint().isEmpty());
}

void TestServerTls::tlsOffServesPlainWebSockets()
{
    TestServer server; // defaultConfig(): TLS off
    QVERIFY(server.start());
    QVERIFY(!server.server()->isSecure());
    QVERIFY(server.certificateFingerprint().isEmpty());
    QCOMPARE(server.url().scheme(), u"ws"_s);
    RawClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(answersHello(client));
    QVERIFY(!QFileInfo::exists(QDir(server.dataDir()).filePath(u"tls"_s)));
}

QTEST_GUILESS_MAIN(TestServerTls)
#include "tst_servertls.moc"
