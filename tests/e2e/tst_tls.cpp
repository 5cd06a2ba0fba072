// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ClientSession and TransferClient over wss:// against a real banterd with its generated
// self-signed certificate: pinned on first use, accepted again after reconnects, refused
// (and nothing sent) once the server presents another certificate, until the app trusts it.
#include "sessionhelpers.h"
#include "testfiles.h"
#include "testserver.h"
#include <banter/client/certificatepin.h>
#include <banter/client/clientsession.h>
#include <banter/client/transferclient.h>

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {

bool waitForState(ClientSession &session, ClientSession::State state, int timeoutMs = 10'000)
{
    return waitFor([&] { return session.state() == state; }, timeoutMs, "the session's state");
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstUsePinsAndReconnectsWithThePin();
    void changedCertificateIsRefusedUntilTrusted();
    void unknownCertificateRefusedWithoutTrustOnFirstUse();
    void plainWebSocketToTlsServerFails();
    void transfersOverTlsUseThePin();
};

void TestTls::firstUsePinsAndReconnectsWithThePin()
{
    TestServer server(TestServer::tlsConfig());
    QVERIFY(server.start());
    QCOMPARE(server.url().scheme(), u"wss"_s);
    const QByteArray expected = server.server()->certificateFingerprint();
    QCOMPARE(expected.size(), 32);

    ClientSession alice;
    QSignalSpy pinned(&alice, &ClientSession::certificatePinned);
    alice.connectToServer(server.url());
    QVERIFY(waitForState(alice, ClientSession::State::Connected));
    QCOMPARE(pinned.count(), 1);
    const QString key = u"127.0.0.1:%1"_s.arg(server.port());
    QCOMPARE(pinned.first().at(0).toString(), key);
    QCOMPARE(pinned.first().at(1).toByteArray(), expected);
    QCOMPARE(alice.pinnedCertificate(server.url()), expected);
    QCOMPARE(CertificatePin::fingerprint(alice.pinnedPeerCertificate()), expected);

    QVERIFY(await(alice.registerUser(u"alice"_s, u"correct horse"_s, u"Alice"_s, u"test"_s)));
    auto bob = signedUpSession(server.url(), u"bob"_s);
    QVERIFY(bob);
    const auto chat = await(alice.createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    QSignalSpy received(bob.get(), &ClientSession::messageReceived);
    QVERIFY(await(alice.sendMessage(chat->id, u"over TLS"_s)));
    QVERIFY(waitFor([&] { return received.count() == 1; }, 5000));

    // A restart keeps the certificate: both reconnect by themselves and nothing is pinned anew.
    ClientSession::Options fast = alice.options();
    fast.reconnectBaseMs = 50;
    fast.reconnectMaxMs = 200;
    alice.setOptions(fast);
    QVERIFY(server.restart());
    QCOMPARE(server.server()->certificateFingerprint(), expected);
    QVERIFY(waitForState(alice, ClientSession::State::Ready));
    QVERIFY(waitForState(*bob, ClientSession::State::Ready));
    QCOMPARE(pinned.count(), 1);
    QVERIFY(await(alice.sendMessage(chat->id, u"after the restart"_s)));
    QVERIFY(waitFor([&] { return received.count() == 2; }, 5000));
    SessionCloser closer{{&alice, bob.get()}};
}

void TestTls::changedCertificateIsRefusedUntilTrusted()
{
    TestServer server(TestServer::tlsConfig());
    QVERIFY(server.start());
    auto alice = signedUpSession(server.url(), u"alice"_s);
    QVERIFY(alice);
    auto bob = signedUpSession(server.url(), u"bob"_s);
    QVERIFY(bob);
    const auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    const QByteArray first = server.server()->certificateFingerprint();
    QCOMPARE(alice->pinnedCertificate(server.url()), first);

    QSignalSpy refused(alice.get(), &ClientSession::certificateRefused);
    QSignalSpy bobRefused(bob.get(), &ClientSession::certificateRefused);
    QSignalSpy errors(alice.get(), &ClientSession::errorOccurred);
    QVERIFY(server.restartWithNewCertificate());
    const QByteArray second = server.server()->certificateFingerprint();
    QVERIFY(second != first);

    QVERIFY(waitFor([&] { return refused.count() == 1; }, 10'000));
    const QString key = u"127.0.0.1:%1"_s.arg(server.port());
    QCOMPARE(refused.first().at(0).toString(), key);
    QCOMPARE(refused.first().at(1).toByteArray(), first);
    QCOMPARE(CertificatePin::fingerprint(refused.first().at(2).value<QSslCertificate>()), second);
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.last().at(0).value<Error>().code, ErrorCode::Forbidden);
    // The session stops instead of retrying into the same refusal, and keeps the old pin.
    QVERIFY(waitForState(*alice, ClientSession::State::Disconnected));
    // Proving that no retry follows takes a wait by nature: longer than the longest reconnect
    // delay (signedUpSession: 200 ms), and no longer.
    QTest::qWait(300);
    QCOMPARE(alice->state(), ClientSession::State::Disconnected);
    QCOMPARE(refused.count(), 1);
    QCOMPARE(alice->pinnedCertificate(server.url()), first);

    // Written while refused: it waits in the outbox, it is not sent to whoever answered.
    // Bob (who trusts the new certificate first) does not get it until Alice does too.
    QSignalSpy received(bob.get(), &ClientSession::messageReceived);
    auto pending = alice->sendMessage(chat->id, u"only after you trust it"_s);
    QVERIFY(waitFor([&] { return bobRefused.count() == 1; }, 10'000));
    bob->setPinnedCertificate(key, second);
    bob->connectToServer(server.url());
    QVERIFY(waitForState(*bob, ClientSession::State::Ready));
    // Bob's sync is complete: had the server stored the message, it would have come with it.
    QCOMPARE(received.count(), 0);
    QVERIFY(!pending.isFinished());

    // The user compared the fingerprint and trusts the new certificate.
    alice->setPinnedCertificate(key, second);
    alice->connectToServer(server.url());
    QVERIFY(waitForState(*alice, ClientSession::State::Ready));
    QVERIFY(await(pending));
    QVERIFY(waitFor([&] { return received.count() == 1; }, 5000));
    QCOMPARE(received.first().at(0).value<Message>().content, u"only after you trust it"_s);
    SessionCloser closer{{alice.get(), bob.get()}};
}

void TestTls::unknownCertificateRefusedWithoutTrustOnFirstUse()
{
    TestServer server(TestServer::tlsConfig());
    QVERIFY(server.start());
    ClientSession strict;
    ClientSession::Options options = strict.options();
    options.trustOnFirstUse = false;
    strict.setOptions(options);
    QSignalSpy refused(&strict, &ClientSession::certificateRefused);
    QSignalSpy pinned(&strict, &ClientSession::certificatePinned);
    strict.connectToServer(server.url());
    QVERIFY(waitFor([&] { return refused.count() == 1; }, 10'000));
    QVERIFY(refused.first().at(1).toByteArray().isEmpty());
    QCOMPARE(pinned.count(), 0);
    QVERIFY(waitForState(strict, ClientSession::State::Disconnected));

    // Pinned beforehand (the fingerprint was given out of band): accepted.
    strict.setPinnedCertificate(CertificatePin::serverKey(server.url()),
                                server.server()->certificateFingerprint());
    strict.connectToServer(server.url());
    QVERIFY(waitForState(strict, ClientSession::State::Connected));
    QCOMPARE(pinned.count(), 0);
}

void TestTls::plainWebSocketToTlsServerFails()
{
    TestServer server(TestServer::tlsConfig());
    QVERIFY(server.start());
    ClientSession plain;
    QUrl url = server.url();
    url.setScheme(u"ws"_s);
    plain.connectToServer(url);
    QVERIFY(waitForState(plain, ClientSession::State::Reconnecting));
    QVERIFY(plain.state() != ClientSession::State::Connected);
    plain.disconnectFromServer();
    // The server kept serving.
    auto alice = signedUpSession(server.url(), u"alice"_s);
    QVERIFY(alice);
    SessionCloser closer{{alice.get()}};
}

void TestTls::transfersOverTlsUseThePin()
{
    TestServer server(TestServer::tlsConfig());
    QVERIFY(server.start());
    auto alice = signedUpSession(server.url(), u"alice"_s);
    QVERIFY(alice);
    QTemporaryDir dir;
    const QString source = dir.filePath(u"photo.bin"_s);
    QVERIFY(writeRandomFile(source, 3 * 1024 * 1024 + 17, 11));

    TransferClient files(*alice);
    const auto up = files.upload(source);
    QVERIFY(waitFor([&] { return files.transfer(up)->state == TransferClient::State::Finished; },
                    30'000));
    const QString target = dir.filePath(u"copy.bin"_s);
    const auto down = files.download(files.transfer(up)->file.id, target);
    QVERIFY(waitFor([&] { return files.transfer(down)->state == TransferClient::State::Finished; },
                    30'000));
    QCOMPARE(sha256OfFile(target), sha256OfFile(source));

    // The transfer connection accepts the pinned certificate and nothing else.
    TransferClient other(*alice);
    alice->setPinnedCertificate(CertificatePin::serverKey(server.url()), QByteArray(32, 'x'));
    const auto refused = other.upload(source);
    QVERIFY(waitFor([&] { return other.transfer(refused)->state == TransferClient::State::Failed; },
                    10'000));
    QVERIFY(other.transfer(refused)->error->message.contains(u"certificate"_s));
    SessionCloser closer{{alice.get()}};
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
