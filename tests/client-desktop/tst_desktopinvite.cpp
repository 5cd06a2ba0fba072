// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14 in the desktop client: an invitation link (made by a real `banterd invite` for a
// real TLS server) fills in the sign-in dialog and pins the certificate it names, so the
// account is made without the first-use question; a link naming another certificate than
// the trusted one is refused; a malformed link and a used-up invitation are said in words.
#include "core/appsettings.h"
#include "rawclient.h"
#include "testserver.h"
#include "ui/certificateguard.h"
#include "ui/signindialog.h"
#include <banter/client/certificatepin.h>
#include <banter/client/clientsession.h>
#include <banter/client/invitationlink.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
Server::ServerConfig invitationServer()
{
    Server::ServerConfig config = TestServer::tlsConfig();
    config.registration = Server::RegistrationMode::Invitation;
    return config;
}

// A link from `banterd invite`, run as an operator would on the server's data.
QString inviteLink(TestServer &server)
{
    QProcess banterd;
    banterd.start(QStringLiteral(BANTERD_PATH),
                  {u"invite"_s, u"--json"_s, u"--host"_s, u"127.0.0.1"_s, u"--port"_s,
                   QString::number(server.port()), u"--name"_s, u"Office"_s, u"--data-dir"_s,
                   server.dataDir(), u"--database"_s, server.config().effectiveDatabaseUrl()});
    if (!banterd.waitForFinished(30'000) || banterd.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(banterd.readAllStandardOutput())
        .object()
        .value(u"link"_s)
        .toString();
}

QPushButton *okButton(SignInDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

// What the app puts together for signing in: settings with the pins, a session, the
// certificate guard, and the dialog that uses it.
struct SignInScreen
{
    explicit SignInScreen(const QString &settingsFile)
        : settings(settingsFile)
        , dialog(session)
    {
        // As the app does: the options first, then the guard, which turns trust on first
        // use off in them.
        session.setOptions(AppSettings::sessionOptions());
        guard.emplace(session, settings);
        dialog.setCertificateGuard(&*guard);
    }
    bool show()
    {
        dialog.show();
        return QTest::qWaitForWindowExposed(&dialog);
    }

    AppSettings settings;
    ClientSession session;
    std::optional<CertificateGuard> guard;
    SignInDialog dialog;
};

void fillNewAccount(SignInDialog &dialog, const QString &username)
{
    dialog.usernameField()->setText(username);
    dialog.passwordField()->setText(u"correct horse"_s);
    dialog.confirmField()->setText(u"correct horse"_s);
}
} // namespace

class TestDesktopInvite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linkFillsInAndTrustsTheCertificate();
    void linkWithAnotherCertificateIsRefused();
    void malformedLinkAndUsedInvitationAreSaid();

private:
    QTemporaryDir m_dir;
};

void TestDesktopInvite::linkFillsInAndTrustsTheCertificate()
{
    TestServer server(invitationServer());
    QVERIFY(server.start());
    const QString link = inviteLink(server);
    QVERIFY(!link.isEmpty());
    SignInScreen screen(m_dir.filePath(u"fills.ini"_s));
    QVERIFY(screen.show());
    SignInDialog &dialog = screen.dialog;
    AppSettings &settings = screen.settings;
    CertificateGuard &guard = *screen.guard;
    ClientSession &session = screen.session;

    // Pasted where the address goes, as someone would from a chat or an e-mail.
    dialog.serverField()->setEditText(link);
    QCOMPARE(dialog.serverField()->currentText(), server.url().toString());
    QVERIFY(dialog.createAccountBox()->isChecked());
    QVERIFY(dialog.invitationField()->isVisible());
    QCOMPARE(dialog.invitationField()->text(), InvitationLink::parse(link)->token);
    QVERIFY2(dialog.linkNote().contains(u"Office"_s), qPrintable(dialog.linkNote()));
    QCOMPARE(dialog.focusWidget(), dialog.usernameField());
    const QString key = CertificatePin::serverKey(server.url());
    QCOMPARE(settings.pinnedCertificates().value(key), server.certificateFingerprint());

    fillNewAccount(dialog, u"nina"_s);
    okButton(dialog)->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15'000);
    QVERIFY(!guard.trustDialog()); // the link answered the first-use question
    QVERIFY(!guard.warning());
    QCOMPARE(session.currentUser().username, u"nina"_s);
}

void TestDesktopInvite::linkWithAnotherCertificateIsRefused()
{
    TestServer server(invitationServer());
    QVERIFY(server.start());
    Result<InvitationLink> link = InvitationLink::parse(inviteLink(server));
    QVERIFY(link);
    AppSettings settings(m_dir.filePath(u"other.ini"_s));
    const QString key = CertificatePin::serverKey(server.url());
    const QByteArray trusted(32, '\x11'); // what the user trusted for that address before
    settings.setPinnedCertificate(key, trusted);
    ClientSession session;
    CertificateGuard guard(session, settings);
    SignInDialog dialog(session);
    dialog.setCertificateGuard(&guard);

    QVERIFY(!dialog.openLink(link->toString()));
    QVERIFY2(dialog.statusText().contains(key), qPrintable(dialog.statusText()));
    QCOMPARE(settings.pinnedCertificates().value(key), trusted); // not replaced
    QVERIFY(dialog.invitationField()->text().isEmpty());
    QCOMPARE(session.state(), ClientSession::State::Disconnected); // nothing was sent
}

void TestDesktopInvite::malformedLinkAndUsedInvitationAreSaid()
{
    TestServer server(invitationServer());
    QVERIFY(server.start());
    const QString link = inviteLink(server);
    QVERIFY(!link.isEmpty());
    SignInScreen screen(m_dir.filePath(u"used.ini"_s));
    QVERIFY(screen.show());
    SignInDialog &dialog = screen.dialog;
    AppSettings &settings = screen.settings;
    dialog.createAccountBox()->setChecked(true);

    // Not a link anyone made: said under the form, nothing filled in, nothing trusted.
    dialog.invitationField()->setText(u"banter://127.0.0.1:7654/?fp=xyz&invite=abc"_s);
    QCOMPARE(dialog.statusText(),
             u"This is not a valid Banter invitation link. Ask for a new one."_s);
    QVERIFY(dialog.invitationField()->text().isEmpty());
    QVERIFY(settings.pinnedCertificates().isEmpty());

    // Someone used the invitation first.
    QVERIFY(dialog.openLink(link));
    RawClient first;
    first.pinCertificate(server.certificateFingerprint());
    QVERIFY(first.open(server.url()));
    QVERIFY(succeeded(first.request(u"register"_s,
                                    {{u"username"_s, u"olga"_s},
                                     {u"password"_s, u"correct horse"_s},
                                     {u"device"_s, u"test"_s},
                                     {u"invite"_s, dialog.invitationField()->text()}})));
    fillNewAccount(dialog, u"pete"_s);
    okButton(dialog)->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.statusText(),
                              u"This invitation has already been used. Ask for a new one."_s,
                              15'000);
    QCOMPARE(dialog.focusWidget(), dialog.invitationField());
    QVERIFY(dialog.result() != QDialog::Accepted);
}

QTEST_MAIN(TestDesktopInvite)
#include "tst_desktopinvite.moc"
