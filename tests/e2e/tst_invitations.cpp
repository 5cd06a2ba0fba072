// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14, invitations: `banterd invite` (a real process, on the database a running server
// uses) makes links whose token lets people register when registration = invite; used,
// expired, revoked, forged and malformed tokens are refused with their own codes; a taken
// name gives the use back; the link's fingerprint is the server's, and a client holding a
// link with another fingerprint is refused before it sends any credential.
#include "manualclock.h"
#include "rawclient.h"
#include "testserver.h"
#include <banter/client/certificatepin.h>
#include <banter/client/clientsession.h>
#include <banter/client/invitationlink.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
struct CommandRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// banterd invite ... against the test server's data directory and database.
CommandRun invite(TestServer &server, const QStringList &arguments)
{
    QProcess banterd;
    banterd.start(QStringLiteral(BANTERD_PATH),
                  QStringList{u"invite"_s, u"--data-dir"_s, server.dataDir(), u"--database"_s,
                              server.config().effectiveDatabaseUrl(), u"--port"_s,
                              QString::number(server.port())}
                      + arguments);
    if (!banterd.waitForFinished(30'000))
        return {};
    return {banterd.exitCode(), banterd.readAllStandardOutput(), banterd.readAllStandardError()};
}

// Makes an invitation and returns its link, or an empty one.
InvitationLink makeInvitation(TestServer &server, const QStringList &arguments = {})
{
    const CommandRun run =
        invite(server, QStringList{u"--json"_s, u"--host"_s, u"127.0.0.1"_s} + arguments);
    if (run.exitCode != 0) {
        qWarning("banterd invite: %s", run.err.constData());
        return {};
    }
    const QJsonObject made = QJsonDocument::fromJson(run.out).object();
    const Result<InvitationLink> link = InvitationLink::parse(made.value(u"link"_s).toString());
    return link ? *link : InvitationLink{};
}

std::optional<Protocol::ServerFrame> registerWith(RawClient &client, const QString &username,
                                                  const QString &token)
{
    QJsonObject data{
        {u"username"_s, username}, {u"password"_s, u"correct horse"_s}, {u"device"_s, u"test"_s}};
    if (!token.isNull())
        data.insert(u"invite"_s, token);
    return client.request(u"register"_s, data);
}

Server::ServerConfig invitationConfig()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.registration = Server::RegistrationMode::Invitation;
    return config;
}
} // namespace

class TestInvitations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helloSaysInvitationRequired();
    void invitationRegistersAsOftenAsItAllows();
    void takenNameGivesTheUseBack();
    void expiredRevokedForgedAndMalformedAreRefused();
    void openAndClosedRegistration();
    void listAndRevokeFromTheCommandLine();
    void linkCarriesTheServersFingerprint();
    void wrongFingerprintIsRefusedBeforeCredentials();
};

void TestInvitations::helloSaysInvitationRequired()
{
    TestServer server(invitationConfig());
    QVERIFY(server.start());
    RawClient client;
    QVERIFY(client.open(server.url()));
    const auto hello = client.request(u"hello"_s, {{u"protocol"_s, 1}});
    QVERIFY(succeeded(hello));
    const QJsonObject limits = hello->data.value(u"limits"_s).toObject();
    QCOMPARE(limits.value(u"registration_open"_s).toBool(true), false);
    QCOMPARE(limits.value(u"invitation_required"_s).toBool(), true);
}

void TestInvitations::invitationRegistersAsOftenAsItAllows()
{
    TestServer server(invitationConfig());
    QVERIFY(server.start());
    const InvitationLink link = makeInvitation(server, {u"--uses"_s, u"2"_s});
    QVERIFY(link.hasInvitation());
    RawClient first, second, third;
    QVERIFY(first.open(server.url()) && second.open(server.url()) && third.open(server.url()));
    QVERIFY(succeeded(registerWith(first, u"ann"_s, link.token)));
    QVERIFY(succeeded(registerWith(second, u"ben"_s, link.token)));
    QCOMPARE(refusal(registerWith(third, u"cat"_s, link.token)), ErrorCode::InvitationUsed);
    // The accounts it made are ordinary ones.
    RawClient again;
    QVERIFY(again.open(server.url()));
    QVERIFY(again.login(u"ben"_s));
}

void TestInvitations::takenNameGivesTheUseBack()
{
    TestServer server(invitationConfig());
    QVERIFY(server.start());
    const InvitationLink one = makeInvitation(server);
    const InvitationLink other = makeInvitation(server);
    QVERIFY(one.hasInvitation() && other.hasInvitation());
    RawClient a, b, c;
    QVERIFY(a.open(server.url()) && b.open(server.url()) && c.open(server.url()));
    QVERIFY(succeeded(registerWith(a, u"dora"_s, other.token)));
    // "dora" is taken: the one-use invitation is not spent on the failed attempt.
    QCOMPARE(refusal(registerWith(b, u"dora"_s, one.token)), ErrorCode::Conflict);
    QVERIFY(succeeded(registerWith(c, u"dora2"_s, one.token)));
}

void TestInvitations::expiredRevokedForgedAndMalformedAreRefused()
{
    ManualClock clock;
    TestServer server(invitationConfig());
    server.setClock(clock.clock());
    QVERIFY(server.start());
    const InvitationLink shortLived = makeInvitation(server, {u"--expires"_s, u"30m"_s});
    const InvitationLink revoked = makeInvitation(server);
    QVERIFY(shortLived.hasInvitation() && revoked.hasInvitation());
    const QJsonArray listed =
        QJsonDocument::fromJson(invite(server, {u"--list"_s, u"--json"_s}).out).array();
    QCOMPARE(listed.size(), 2);
    const qint64 revokedId = qint64(listed.first().toObject().value(u"id"_s).toDouble());
    QCOMPARE(invite(server, {u"--revoke"_s, QString::number(revokedId)}).exitCode, 0);

    RawClient client;
    QVERIFY(client.open(server.url()));
    QCOMPARE(refusal(registerWith(client, u"eve"_s, revoked.token)), ErrorCode::InvitationInvalid);
    // Without an invitation, and with a well-formed token the server never made.
    QCOMPARE(refusal(registerWith(client, u"eve"_s, QString())), ErrorCode::InvitationInvalid);
    QCOMPARE(refusal(registerWith(client, u"eve"_s, QString(43, u'A'))),
             ErrorCode::InvitationInvalid);
    // Not a token at all, and one over the length the codec reads.
    QCOMPARE(refusal(registerWith(client, u"eve"_s, u"not a token"_s)),
             ErrorCode::InvitationInvalid);
    QCOMPARE(refusal(registerWith(client, u"eve"_s, QString(129, u'A'))), ErrorCode::TooLarge);
    QCOMPARE(refusal(client.request(u"register"_s,
                                    {{u"username"_s, u"eve"_s},
                                     {u"password"_s, u"correct horse"_s},
                                     {u"device"_s, u"test"_s},
                                     {u"invite"_s, 42}})),
             ErrorCode::BadRequest);
    clock.advance(31 * 60 * 1000);
    QCOMPARE(refusal(registerWith(client, u"eve"_s, shortLived.token)),
             ErrorCode::InvitationExpired);
    // The server is still fine, and the refusals made no account.
    RawClient other;
    QVERIFY(other.open(server.url()));
    QVERIFY(!other.login(u"eve"_s));
}

void TestInvitations::openAndClosedRegistration()
{
    {
        TestServer open; // registration = open: no invitation needed, one given is not used
        QVERIFY(open.start());
        const InvitationLink link = makeInvitation(open);
        RawClient a, b;
        QVERIFY(a.open(open.url()) && b.open(open.url()));
        QVERIFY(succeeded(registerWith(a, u"fred"_s, QString())));
        QVERIFY(succeeded(registerWith(b, u"gail"_s, link.token)));
        const QJsonArray listed =
            QJsonDocument::fromJson(invite(open, {u"--list"_s, u"--json"_s}).out).array();
        QCOMPARE(listed.first().toObject().value(u"uses_left"_s).toInt(), 1);
    }
    Server::ServerConfig config = TestServer::defaultConfig();
    config.registration = Server::RegistrationMode::Closed;
    TestServer closed(config);
    QVERIFY(closed.start());
    const InvitationLink link = makeInvitation(closed);
    QVERIFY(link.hasInvitation());
    RawClient client;
    QVERIFY(client.open(closed.url()));
    QCOMPARE(refusal(registerWith(client, u"hank"_s, link.token)), ErrorCode::RegistrationClosed);
}

void TestInvitations::listAndRevokeFromTheCommandLine()
{
    TestServer server(invitationConfig());
    QVERIFY(server.start());
    QCOMPARE(invite(server, {u"--revoke"_s, u"999"_s}).exitCode, 3); // ExitCode::NotFound
    QCOMPARE(invite(server, {u"--revoke"_s, u"x"_s}).exitCode, 2);
    QCOMPARE(invite(server, {u"--uses"_s, u"0"_s}).exitCode, 2);
    QCOMPARE(invite(server, {u"--expires"_s, u"400d"_s}).exitCode, 2);
    QCOMPARE(invite(server, {u"--expires"_s, u"soon"_s}).exitCode, 2);
    QCOMPARE(invite(server, {u"--port"_s, u"70000"_s}).exitCode, 2);
    QCOMPARE(invite(server, {u"--name"_s, u"evil\u202Etxt.exe"_s}).exitCode, 2);
    const CommandRun made = invite(
        server, {u"--name"_s, u"Office"_s, u"--host"_s, u"192.0.2.7"_s, u"--expires"_s, u"2w"_s});
    QCOMPARE(made.exitCode, 0);
    QVERIFY2(made.out.contains("banter://192.0.2.7:"), made.out.constData());
    QVERIFY(made.out.contains("name=Office"));
    const CommandRun list = invite(server, {u"--list"_s});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains("active"));
    QVERIFY(list.out.contains("Office"));
    QCOMPARE(invite(server, {u"--revoke"_s, u"1"_s}).exitCode, 0);
    QVERIFY(invite(server, {u"--list"_s}).out.contains("revoked"));
    // A database that cannot be opened is its own exit code.
    QProcess banterd;
    banterd.start(
        QStringLiteral(BANTERD_PATH),
        {u"invite"_s, u"--list"_s, u"--database"_s, u"postgresql://nobody@127.0.0.1:1/none"_s});
    QVERIFY(banterd.waitForFinished(30'000));
    QCOMPARE(banterd.exitCode(), 5); // ExitCode::Unreachable
}

void TestInvitations::linkCarriesTheServersFingerprint()
{
    Server::ServerConfig config = TestServer::tlsConfig();
    config.registration = Server::RegistrationMode::Invitation;
    TestServer server(config);
    QVERIFY(server.start());
    const InvitationLink link = makeInvitation(server);
    QVERIFY(link.hasInvitation());
    QCOMPARE(link.fingerprint, server.certificateFingerprint());
    QCOMPARE(link.serverUrl.scheme(), u"wss"_s);
    QCOMPARE(link.serverUrl.port(), int(server.port()));

    // What a client does with the link: pin, then register with the token.
    ClientSession session;
    session.setPinnedCertificate(CertificatePin::serverKey(link.serverUrl), link.fingerprint);
    session.connectToServer(link.serverUrl);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClientSession::State::Connected, 10'000);
    auto registered =
        session.registerUser(u"ivy"_s, u"correct horse"_s, u"Ivy"_s, u"laptop"_s, link.token);
    QTRY_VERIFY_WITH_TIMEOUT(registered.isFinished(), 10'000);
    QVERIFY2(registered.result(),
             qPrintable(registered.result() ? QString() : registered.result().error().message));
}

void TestInvitations::wrongFingerprintIsRefusedBeforeCredentials()
{
    Server::ServerConfig config = TestServer::tlsConfig();
    config.registration = Server::RegistrationMode::Invitation;
    TestServer server(config);
    QVERIFY(server.start());
    InvitationLink link = makeInvitation(server);
    QVERIFY(link.hasInvitation());
    // A link that was tampered with (or a server that is not the one invited to).
    link.fingerprint = QByteArray(32, '\x5a');
    ClientSession session;
    session.setPinnedCertificate(CertificatePin::serverKey(link.serverUrl), link.fingerprint);
    QSignalSpy refused(&session, &ClientSession::certificateRefused);
    QSignalSpy states(&session, &ClientSession::stateChanged);
    session.connectToServer(link.serverUrl);
    QTRY_VERIFY_WITH_TIMEOUT(refused.count() >= 1, 10'000);
    QCOMPARE(refused.first().at(1).toByteArray(), link.fingerprint);
    // Refused in the TLS handshake: the session never got to where it could send anything.
    for (const QList<QVariant> &change : std::as_const(states))
        QVERIFY(change.first().value<ClientSession::State>() != ClientSession::State::Connected);
    const auto registered =
        session.registerUser(u"jack"_s, u"correct horse"_s, u"Jack"_s, u"laptop"_s, link.token);
    QTRY_VERIFY_WITH_TIMEOUT(registered.isFinished(), 10'000);
    QVERIFY(!registered.result());
    session.disconnectFromServer();
    // Nothing reached the server: the invitation is unused, the name still free.
    const QJsonArray listed =
        QJsonDocument::fromJson(invite(server, {u"--list"_s, u"--json"_s}).out).array();
    QCOMPARE(listed.first().toObject().value(u"uses_left"_s).toInt(), 1);
    RawClient raw;
    raw.pinCertificate(server.certificateFingerprint());
    QVERIFY(raw.open(server.url()));
    QVERIFY(succeeded(registerWith(raw, u"jack"_s, link.token)));
}

QTEST_GUILESS_MAIN(TestInvitations)
#include "tst_invitations.moc"
