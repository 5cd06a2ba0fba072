// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14's "Servers on your network" in the sign-in dialog, on loopback: a small UDP
// responder in the test answers the dialog's real ServerBrowser for a real TLS server (a
// discovery answer is all a hostile machine on the network needs to send, so the responder
// plays both the honest server and the impostor). Covered: the list filling and emptying
// live, chosen by keyboard into the address field; the first-use question saying the server
// was found on the network, with the claimed fingerprint and a warning when it is not the
// presented one; a claim never pinning anything; malformed and unsolicited answers never
// listed; the browser running only while the dialog shows.
#include "core/appsettings.h"
#include "core/lanservermodel.h"
#include "discoveryresponder.h"
#include "testserver.h"
#include "ui/certificateguard.h"
#include "ui/lanserverlist.h"
#include "ui/signindialog.h"
#include "ui/trustdialog.h"
#include <banter/client/certificatepin.h>
#include <banter/client/clientsession.h>
#include <banter/protocol/discoverydatagram.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <optional>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
DiscoveryAnnouncement announcing(const TestServer &server, const QByteArray &sha256)
{
    DiscoveryAnnouncement announcement;
    announcement.name = u"Physics lab"_s;
    announcement.port = quint16(server.url().port());
    announcement.tls = true;
    announcement.certificateSha256 = sha256;
    return announcement;
}

// The sign-in dialog as the app puts it together, its browser aimed at `port` on loopback
// only (no mDNS: the machine's avahi-daemon is not part of this test).
struct SignInScreen
{
    SignInScreen(const QString &settingsFile, quint16 port)
        : settings(settingsFile)
        , dialog(session)
    {
        session.setOptions(AppSettings::sessionOptions());
        guard.emplace(session, settings);
        dialog.setCertificateGuard(&*guard);
        ServerBrowser::Options options;
        options.discoveryPort = port;
        options.queryIntervalMs = 200;
        options.lostAfterMs = 1000;
        options.mdns = false;
        dialog.lanServers()->setBrowserOptions(options);
    }
    bool show()
    {
        dialog.show();
        return QTest::qWaitForWindowExposed(&dialog);
    }
    LanServerModel &model() { return *dialog.lanServers()->model(); }
    // Fills in a new account and asks to create it.
    void createAccount(const QString &username)
    {
        dialog.createAccountBox()->setChecked(true);
        dialog.usernameField()->setText(username);
        dialog.passwordField()->setText(u"correct horse"_s);
        dialog.confirmField()->setText(u"correct horse"_s);
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    }
    TrustDialog *waitForQuestion()
    {
        const bool asked = QTest::qWaitFor(
            [&] { return guard->trustDialog() && guard->trustDialog()->isVisible(); }, 15'000);
        return asked ? guard->trustDialog() : nullptr;
    }

    AppSettings settings;
    ClientSession session;
    std::optional<CertificateGuard> guard;
    SignInDialog dialog;
};
} // namespace

class TestDesktopLan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Run directly too, the list stays on this machine (CTest sets this for every suite).
    void initTestCase() { qputenv("BANTER_DISCOVERY", "loopback"); }
    void chosenByKeyboardAndTheClaimMatches();
    void forgedFingerprintIsWarnedAboutAndPinsNothing();
    void typedOverAddressAsksWithoutTheClaim();
    void listFollowsTheNetworkAndTheDialog();
    void malformedAndUnsolicitedAnswersAreNotListed();

private:
    QTemporaryDir m_dir;
};

void TestDesktopLan::chosenByKeyboardAndTheClaimMatches()
{
    TestServer server(TestServer::tlsConfig());
    QVERIFY(server.start());
    DiscoveryResponder responder(announcing(server, server.certificateFingerprint()));
    SignInScreen screen(m_dir.filePath(u"match.ini"_s), responder.port());
    SignInDialog &dialog = screen.dialog;
    QVERIFY(screen.show());
    QListView *list = dialog.lanServers()->view();
    QCOMPARE(list->accessibleName(), u"Servers on your network"_s);
    QTRY_COMPARE_WITH_TIMEOUT(screen.model().rowCount(), 1, 10'000);
    const QModelIndex row = screen.model().index(0);
    QCOMPARE(row.data().toString(), u"Physics lab"_s);
    const QString address = u"127.0.0.1:"_s + QString::number(server.url().port());
    QCOMPARE(row.data(LanServerModel::AddressRole).toString(), address);
    QVERIFY(row.data(LanServerModel::TlsRole).toBool());
    QVERIFY2(row.data(Qt::AccessibleTextRole).toString().contains(u"TLS"_s),
             qPrintable(row.data(Qt::AccessibleTextRole).toString()));
    QVERIFY(dialog.lanServers()->emptyText().isEmpty());

    // Reached by Tab from the address, and Enter on the current row chooses it.
    dialog.serverField()->setFocus(Qt::OtherFocusReason);
    QVERIFY(QTest::qWaitFor([&] { return dialog.serverField()->hasFocus(); }));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY2(QTest::qWaitFor([&] { return list->hasFocus(); }),
             QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className()
                                         : "no focus");
    QCOMPARE(list->currentIndex().row(), 0);
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(dialog.serverField()->currentText(), u"wss://"_s + address);
    QCOMPARE(dialog.focusWidget(), dialog.usernameField());

    screen.createAccount(u"nora"_s);
    TrustDialog *question = screen.waitForQuestion();
    QVERIFY(question);
    QVERIFY(question->findChild<QWidget *>(u"discoveredNote"_s));
    QVERIFY(!question->claimMismatch());
    QCOMPARE(question->claimedFingerprintText(),
             TrustDialog::groupedFingerprint(server.certificateFingerprint()));
    QVERIFY2(question->claimVerdict().contains(u"matches"_s), qPrintable(question->claimVerdict()));
    question->trustButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15'000);
    QCOMPARE(screen.settings.pinnedCertificates().value(CertificatePin::serverKey(server.url())),
             server.certificateFingerprint());
}

void TestDesktopLan::forgedFingerprintIsWarnedAboutAndPinsNothing()
{
    TestServer server(TestServer::tlsConfig());
    QVERIFY(server.start());
    const QByteArray forged(32, '\xab');
    QVERIFY(forged != server.certificateFingerprint());
    DiscoveryResponder responder(announcing(server, forged));
    SignInScreen screen(m_dir.filePath(u"forged.ini"_s), responder.port());
    SignInDialog &dialog = screen.dialog;
    QVERIFY(screen.show());
    QTRY_COMPARE_WITH_TIMEOUT(screen.model().rowCount(), 1, 10'000);
    QListView *list = dialog.lanServers()->view();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualRect(screen.model().index(0)).center());
    QCOMPARE(dialog.serverField()->currentText(), server.url().toString());
    // Choosing it trusted nothing: the claim is not a pin.
    QVERIFY(screen.settings.pinnedCertificates().isEmpty());

    screen.createAccount(u"omar"_s);
    TrustDialog *question = screen.waitForQuestion();
    QVERIFY(question);
    QVERIFY(question->claimMismatch());
    QCOMPARE(question->claimedFingerprintText(), TrustDialog::groupedFingerprint(forged));
    QCOMPARE(question->fingerprintText(),
             TrustDialog::groupedFingerprint(server.certificateFingerprint()));
    QVERIFY2(question->claimVerdict().contains(u"Warning"_s), qPrintable(question->claimVerdict()));
    QTest::keyClick(question, Qt::Key_Escape);
    QVERIFY(QTest::qWaitFor([&] { return !screen.guard->trustDialog(); }));
    QVERIFY(screen.settings.pinnedCertificates().isEmpty());
    QVERIFY(screen.session.currentUser().username.isEmpty());
    QVERIFY(dialog.result() != QDialog::Accepted);
}

void TestDesktopLan::typedOverAddressAsksWithoutTheClaim()
{
    TestServer server(TestServer::tlsConfig());
    QVERIFY(server.start());
    DiscoveryResponder responder(announcing(server, QByteArray(32, '\xcd')));
    SignInScreen screen(m_dir.filePath(u"typed.ini"_s), responder.port());
    SignInDialog &dialog = screen.dialog;
    QVERIFY(screen.show());
    QTRY_COMPARE_WITH_TIMEOUT(screen.model().rowCount(), 1, 10'000);
    QListView *list = dialog.lanServers()->view();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualRect(screen.model().index(0)).center());
    // The user then types an address: the announcement says nothing about it.
    dialog.serverField()->setEditText(u"wss://localhost:"_s + QString::number(server.url().port()));
    screen.createAccount(u"pia"_s);
    TrustDialog *question = screen.waitForQuestion();
    QVERIFY(question);
    QVERIFY(!question->findChild<QWidget *>(u"discoveredNote"_s));
    QVERIFY(question->claimedFingerprintText().isEmpty());
    QVERIFY(!question->claimMismatch());
    question->reject();
}

void TestDesktopLan::listFollowsTheNetworkAndTheDialog()
{
    TestServer server(TestServer::tlsConfig());
    QVERIFY(server.start());
    DiscoveryResponder responder(announcing(server, server.certificateFingerprint()));
    responder.answering = false;
    SignInScreen screen(m_dir.filePath(u"live.ini"_s), responder.port());
    LanServerList &list = *screen.dialog.lanServers();
    QVERIFY(!screen.model().isActive()); // nothing sent before the dialog shows
    QVERIFY(screen.show());
    QVERIFY(screen.model().isActive());
    QCOMPARE(list.emptyText(), u"Searching for servers on your network…"_s);
    QTRY_VERIFY_WITH_TIMEOUT(list.emptyText().startsWith(u"No servers found on your network yet"_s),
                             10'000);
    QVERIFY(responder.queries > 0);

    responder.answering = true;
    QTRY_COMPARE_WITH_TIMEOUT(screen.model().rowCount(), 1, 10'000);
    QVERIFY(list.emptyText().isEmpty());
    // The server goes quiet: it leaves the list, and the sentence comes back.
    responder.answering = false;
    QTRY_COMPARE_WITH_TIMEOUT(screen.model().rowCount(), 0, 10'000);
    QVERIFY(list.emptyText().startsWith(u"No servers found on your network yet"_s));

    // Closing the dialog stops the browser: its socket and timer are gone with it.
    QVERIFY(!screen.model().findChildren<ServerBrowser *>().isEmpty());
    screen.dialog.reject();
    QVERIFY(!screen.model().isActive());
    QVERIFY(screen.model().findChildren<ServerBrowser *>().isEmpty());
    QVERIFY(screen.dialog.findChildren<QUdpSocket *>().isEmpty());
}

void TestDesktopLan::malformedAndUnsolicitedAnswersAreNotListed()
{
    TestServer server(TestServer::tlsConfig());
    QVERIFY(server.start());
    DiscoveryResponder responder(announcing(server, server.certificateFingerprint()));
    responder.hostile = true;
    SignInScreen screen(m_dir.filePath(u"hostile.ini"_s), responder.port());
    QVERIFY(screen.show());
    QTRY_VERIFY_WITH_TIMEOUT(responder.queries >= 5, 10'000);
    QCOMPARE(screen.model().rowCount(), 0);
    // The same responder answering properly is listed: the silence above was the filter's.
    responder.hostile = false;
    QTRY_COMPARE_WITH_TIMEOUT(screen.model().rowCount(), 1, 10'000);
}

QTEST_MAIN(TestDesktopLan)
#include "tst_desktoplan.moc"
