// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop client's side of TLS, as a real widget tree against a real banterd with its
// generated certificate: a typed address means wss://, pins are kept in the settings, a
// changed certificate brings up a warning that trusts the new one only when asked, and the
// settings dialog says how the connection is secured.
#include "core/appsettings.h"
#include "sessionhelpers.h"
#include "testserver.h"
#include "ui/certificateguard.h"
#include "ui/settingsdialog.h"
#include "ui/signindialog.h"
#include "ui/trustdialog.h"
#include <banter/client/certificatepin.h>
#include <banter/client/clientsession.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {

void reconnectQuickly(ClientSession &session)
{
    ClientSession::Options options = session.options();
    options.reconnectBaseMs = 50;
    options.reconnectMaxMs = 200;
    session.setOptions(options);
}

} // namespace

class TestDesktopTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typedAddressMeansWss();
    void pinsAreKeptInTheSettings();
    void firstUseAsks();
    void signInWaitsForTrustThenGoesOn();
    void changedCertificateWarnsAndTrustsOnlyWhenAsked();
    void settingsDialogSaysHowTheConnectionIsSecured();

private:
    QTemporaryDir m_dir;
};

void TestDesktopTls::typedAddressMeansWss()
{
    QCOMPARE(SignInDialog::serverUrl(u"chat.lan"_s), QUrl(u"wss://chat.lan"_s));
    QCOMPARE(SignInDialog::serverUrl(u" 192.168.1.5:7654 "_s), QUrl(u"wss://192.168.1.5:7654"_s));
    QCOMPARE(SignInDialog::serverUrl(u"ws://10.0.0.2:7654"_s), QUrl(u"ws://10.0.0.2:7654"_s));
    QCOMPARE(SignInDialog::serverUrl(u"wss://chat.example.org"_s),
             QUrl(u"wss://chat.example.org"_s));
}

void TestDesktopTls::pinsAreKeptInTheSettings()
{
    const QString ini = m_dir.filePath(u"pins.ini"_s);
    const QByteArray sha(32, '\x5a');
    {
        AppSettings settings(ini);
        settings.setPinnedCertificate(u"chat.lan:7654"_s, sha);
        settings.setPinnedCertificate(u"other.lan:7654"_s, QByteArray(32, '\x01'));
        settings.setPinnedCertificate(u"other.lan:7654"_s, {}); // forgotten
    }
    AppSettings reopened(ini);
    QHash<QString, QByteArray> expected{{u"chat.lan:7654"_s, sha}};
    QCOMPARE(reopened.pinnedCertificates(), expected);

    // A value edited by hand into something that is not a SHA-256 is dropped, not trusted.
    {
        QSettings raw(ini, QSettings::IniFormat);
        QVariantMap pins = raw.value(u"tls/pinnedCertificates"_s).toMap();
        pins.insert(u"broken.lan:7654"_s, u"not-hex"_s);
        raw.setValue(u"tls/pinnedCertificates"_s, pins);
    }
    QCOMPARE(AppSettings(ini).pinnedCertificates(), expected);
}

// A self-signed server met for the first time: its fingerprint, grouped as banterd logs it,
// and the question. Refusing leaves the session disconnected and pins nothing; trusting
// pins it and connects.
void TestDesktopTls::firstUseAsks()
{
    TestServer server(TestServer::tlsConfig());
    QVERIFY(server.start());
    const QString key = CertificatePin::serverKey(server.url());
    const QByteArray sha = server.server()->certificateFingerprint();
    AppSettings settings(m_dir.filePath(u"first.ini"_s));
    ClientSession session;
    session.setOptions(AppSettings::sessionOptions());
    CertificateGuard guard(session, settings);
    QSignalSpy decided(&guard, &CertificateGuard::decided);
    QSignalSpy pinned(&session, &ClientSession::certificatePinned);

    session.connectToServer(server.url());
    QVERIFY(
        QTest::qWaitFor([&] { return guard.trustDialog() && guard.trustDialog()->isVisible(); }));
    TrustDialog *question = guard.trustDialog();
    QVERIFY(!guard.warning()); // not the changed-certificate warning
    const QString shown = question->fingerprintText();
    QCOMPARE(shown.split(u'\n').size(), 4); // four lines of eight bytes
    QCOMPARE(QString(shown).replace(u'\n', u':'), CertificatePin::formatFingerprint(sha));
    QCOMPARE(TrustDialog::groupedFingerprint(sha), shown);
    QVERIFY(question->findChildren<QLabel *>().size() > 2);
    bool namesServer = false;
    for (QLabel *label : question->findChildren<QLabel *>())
        namesServer = namesServer || label->text().contains(key);
    QVERIFY(namesServer);
    // The safe answer is the default, and Escape gives it.
    QVERIFY(question->findChild<QPushButton *>(u"stayDisconnected"_s)->isDefault());
    QTest::keyClick(question, Qt::Key_Escape);
    QCOMPARE(decided.count(), 1);
    QCOMPARE(decided.first().at(0).toBool(), false);
    QVERIFY(QTest::qWaitFor([&] { return !guard.trustDialog(); }));
    QVERIFY(QTest::qWaitFor([&] { return session.state() == ClientSession::State::Disconnected; }));
    QVERIFY(settings.pinnedCertificates().isEmpty());
    QVERIFY(session.pinnedCertificates().isEmpty());
    QCOMPARE(pinned.count(), 0);

    // Asked again on the next attempt; trusted this time.
    session.connectToServer(server.url());
    QVERIFY(
        QTest::qWaitFor([&] { return guard.trustDialog() && guard.trustDialog()->isVisible(); }));
    guard.trustDialog()->trustButton()->click();
    QCOMPARE(decided.last().at(0).toBool(), true);
    QVERIFY(QTest::qWaitFor([&] { return session.state() == ClientSession::State::Connected; }));
    QCOMPARE(settings.pinnedCertificates().value(key), sha);
    QCOMPARE(CertificatePin::fingerprint(session.pinnedPeerCertificate()), sha);
    SessionCloser closer{{&session}};
}

// The first minute: the sign-in dialog meets a new self-signed server, says the certificate
// needs the user's decision, and once the user trusts it signs in by itself.
void TestDesktopTls::signInWaitsForTrustThenGoesOn()
{
    TestServer server(TestServer::tlsConfig());
    QVERIFY(server.start());
    AppSettings settings(m_dir.filePath(u"signin.ini"_s));
    ClientSession session;
    session.setOptions(AppSettings::sessionOptions());
    CertificateGuard guard(session, settings);
    SignInDialog dialog(session);
    dialog.show();
    dialog.serverField()->setEditText(server.url().toString());
    dialog.createAccountBox()->setChecked(true);
    QTest::keyClicks(dialog.usernameField(), u"alice"_s);
    QTest::keyClicks(dialog.passwordField(), u"correct horse"_s);
    QTest::keyClicks(dialog.confirmField(), u"correct horse"_s);
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(
        QTest::qWaitFor([&] { return guard.trustDialog() && guard.trustDialog()->isVisible(); }));
    QVERIFY(QTest::qWaitFor([&] { return dialog.statusText().contains(u"fingerprint"_s); }));
    QVERIFY(dialog.result() != QDialog::Accepted);
    guard.trustDialog()->trustButton()->click();
    QVERIFY(QTest::qWaitFor([&] { return dialog.result() == QDialog::Accepted; }));
    QVERIFY(QTest::qWaitFor([&] { return session.isReady(); }));
    QCOMPARE(session.currentUser().username, u"alice"_s);
    SessionCloser closer{{&session}};
}

void TestDesktopTls::changedCertificateWarnsAndTrustsOnlyWhenAsked()
{
    TestServer server(TestServer::tlsConfig());
    QVERIFY(server.start());
    const QString key = CertificatePin::serverKey(server.url());
    const QByteArray first = server.server()->certificateFingerprint();
    AppSettings settings(m_dir.filePath(u"guard.ini"_s));
    ClientSession session;
    reconnectQuickly(session);
    CertificateGuard guard(session, settings);
    QSignalSpy decided(&guard, &CertificateGuard::decided);

    // First use: the user sees the fingerprint and trusts it (see firstUseAsks).
    session.connectToServer(server.url());
    QVERIFY(
        QTest::qWaitFor([&] { return guard.trustDialog() && guard.trustDialog()->isVisible(); }));
    guard.trustDialog()->trustButton()->click();
    QVERIFY(QTest::qWaitFor([&] { return session.state() == ClientSession::State::Connected; }));
    QCOMPARE(settings.pinnedCertificates().value(key), first); // pinned once trusted, saved
    QVERIFY(!guard.warning());
    decided.clear();

    QVERIFY(server.restartWithNewCertificate());
    const QByteArray second = server.server()->certificateFingerprint();
    QVERIFY(QTest::qWaitFor([&] { return guard.warning() && guard.warning()->isVisible(); }));
    QMessageBox *warning = guard.warning();
    QVERIFY(warning->text().contains(key));
    QVERIFY(warning->detailedText().contains(CertificatePin::formatFingerprint(second)));
    QVERIFY(warning->detailedText().contains(CertificatePin::formatFingerprint(first)));
    // The safe answer is the default one, and Escape gives it too.
    QCOMPARE(warning->defaultButton()->objectName(), u"stayDisconnected"_s);
    QTest::keyClick(warning, Qt::Key_Escape);
    QCOMPARE(decided.count(), 1);
    QCOMPARE(decided.first().at(0).toBool(), false);
    QVERIFY(QTest::qWaitFor([&] { return !guard.warning(); }));
    QCOMPARE(session.state(), ClientSession::State::Disconnected);
    QCOMPARE(settings.pinnedCertificates().value(key), first);

    // Connecting again asks again; this time the user trusts the new certificate.
    session.connectToServer(server.url());
    QVERIFY(QTest::qWaitFor([&] { return guard.warning() && guard.warning()->isVisible(); }));
    guard.warning()->findChild<QPushButton *>(u"trustCertificate"_s)->click();
    QCOMPARE(decided.count(), 2);
    QCOMPARE(decided.last().at(0).toBool(), true);
    QCOMPARE(settings.pinnedCertificates().value(key), second);
    QVERIFY(QTest::qWaitFor([&] { return session.state() == ClientSession::State::Connected; }));
    QCOMPARE(CertificatePin::fingerprint(session.pinnedPeerCertificate()), second);
    // And a later start of the app (a new session and guard on the same settings) trusts it.
    ClientSession later;
    CertificateGuard laterGuard(later, settings);
    QSignalSpy laterPinned(&later, &ClientSession::certificatePinned);
    later.connectToServer(server.url());
    QVERIFY(QTest::qWaitFor([&] { return later.state() == ClientSession::State::Connected; }));
    QCOMPARE(laterPinned.count(), 0);
    QVERIFY(!laterGuard.warning());
    SessionCloser closer{{&session, &later}};
}

void TestDesktopTls::settingsDialogSaysHowTheConnectionIsSecured()
{
    AppSettings settings(m_dir.filePath(u"dialog.ini"_s));
    TestServer secure(TestServer::tlsConfig());
    QVERIFY(secure.start());
    auto alice = signedUpSession(secure.url(), u"alice"_s);
    QVERIFY(alice);
    SettingsDialog dialog(settings, alice.get());
    const QString described = dialog.findChild<QLabel *>(u"connection"_s)->text();
    QVERIFY2(described.contains(
                 CertificatePin::formatFingerprint(secure.server()->certificateFingerprint())),
             qPrintable(described));

    TestServer plain; // TLS off
    QVERIFY(plain.start());
    auto bob = signedUpSession(plain.url(), u"bob"_s);
    QVERIFY(bob);
    QVERIFY(SettingsDialog::describeConnection(*bob).contains(u"Not encrypted"_s));
    SessionCloser closer{{alice.get(), bob.get()}};
}

QTEST_MAIN(TestDesktopTls)
#include "tst_desktoptls.moc"
