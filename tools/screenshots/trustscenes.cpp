// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The first meeting with a self-signed server: the trust dialog with its fingerprint, in
// both palettes and in Chinese; the sign-in dialog saying what is wrong beside a field, and
// the sign-in dialog opened from an invitation link.
#include "core/appsettings.h"
#include "scenes.h"
#include "sessionhelpers.h"
#include "shooting.h"
#include "testserver.h"
#include "ui/certificateguard.h"
#include "ui/signindialog.h"
#include "ui/theme.h"
#include "ui/trustdialog.h"
#include <banter/client/clientsession.h>
#include <banter/client/invitationlink.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTranslator>

namespace Banter::Screenshots {

using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
// The dialog as the user meets it; null (having said why) if it never came.
TrustDialog *ask(ClientSession &session, CertificateGuard &guard, const QUrl &url)
{
    session.connectToServer(url);
    if (!waitFor([&] { return guard.trustDialog() && guard.trustDialog()->isVisible(); })) {
        failed(u"the trust dialog never showed"_s);
        return nullptr;
    }
    settle(200);
    return guard.trustDialog();
}
} // namespace

bool shootTrust(const QDir &out)
{
    QTemporaryDir work;
    TestServer server(TestServer::tlsConfig());
    if (!work.isValid() || !server.start())
        return failed(u"cannot start a server"_s);
    AppSettings settings(work.filePath(u"trust.conf"_s));
    ClientSession session;
    session.setOptions(AppSettings::sessionOptions());
    CertificateGuard guard(session, settings);
    SessionCloser closer{{&session}};

    applyTheme(AppSettings::Theme::Light);
    TrustDialog *dialog = ask(session, guard, server.url());
    if (!dialog || !save(out, u"trust-light"_s, dialog))
        return false;
    applyTheme(AppSettings::Theme::Dark);
    settle(300);
    if (!save(out, u"trust-dark"_s, dialog))
        return false;
    dialog->reject();
    applyTheme(AppSettings::Theme::Light);

    // A new account whose two passwords differ: said beside the second one.
    ClientSession nobody;
    SignInDialog signIn(nobody);
    signIn.serverField()->setEditText(u"wss://chat.lan:7654"_s);
    signIn.createAccountBox()->setChecked(true);
    signIn.usernameField()->setText(u"alice"_s);
    signIn.passwordField()->setText(u"correct horse"_s);
    signIn.confirmField()->setText(u"correct hosre"_s);
    if (!show(&signIn))
        return false;
    signIn.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    settle(200);
    if (signIn.confirmError().isEmpty())
        return failed(u"the sign-in dialog did not say the passwords differ"_s);
    if (!save(out, u"signin-mismatch-light"_s, &signIn))
        return false;
    signIn.close();

    // Opened from an invitation link: the server and the invitation filled in, and the
    // certificate the link names trusted without the first-use question.
    InvitationLink link;
    link.serverUrl = server.url();
    link.fingerprint = server.certificateFingerprint();
    link.serverName = u"Office chat"_s;
    link.token = u"Zk3vQ1-_abcdefghijklmnopqrstuvwxyzABCDEFGHI"_s;
    AppSettings inviteSettings(work.filePath(u"invite.conf"_s));
    ClientSession invited;
    CertificateGuard inviteGuard(invited, inviteSettings);
    SignInDialog fromLink(invited);
    fromLink.setCertificateGuard(&inviteGuard);
    if (!fromLink.openLink(link.toString()))
        return failed(u"the sign-in dialog refused a good invitation link"_s);
    fromLink.usernameField()->setText(u"nina"_s);
    if (!show(&fromLink) || !save(out, u"signin-invite-light"_s, &fromLink))
        return false;
    fromLink.close();

    // Once in Chinese.
    QTranslator chinese;
    if (!chinese.load(QLocale(QLocale::Chinese, QLocale::China), u"banter"_s, u"_"_s,
                      QStringLiteral(BANTER_QM_DIR)))
        return failed(u"the Chinese translation is not in the resources"_s);
    QApplication::installTranslator(&chinese);
    dialog = ask(session, guard, server.url());
    const bool saved = dialog && save(out, u"trust-zh_CN"_s, dialog);
    if (dialog)
        dialog->reject();
    QApplication::removeTranslator(&chinese);
    return saved;
}

} // namespace Banter::Screenshots
