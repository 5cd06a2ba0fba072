// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// "Servers on your network": the sign-in dialog listing servers found on the network (a
// discovery responder on loopback plays them), and the first-use question for one whose
// announcement claimed another certificate than it presented.
#include "core/appsettings.h"
#include "core/lanservermodel.h"
#include "discoveryresponder.h"
#include "scenes.h"
#include "sessionhelpers.h"
#include "shooting.h"
#include "testserver.h"
#include "ui/certificateguard.h"
#include "ui/lanserverlist.h"
#include "ui/signindialog.h"
#include "ui/theme.h"
#include "ui/trustdialog.h"
#include <banter/client/clientsession.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTemporaryDir>

namespace Banter::Screenshots {

using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
DiscoveryAnnouncement announcement(const QString &name, quint16 port, bool tls,
                                   const QByteArray &sha256)
{
    DiscoveryAnnouncement said;
    said.name = name;
    said.port = port;
    said.tls = tls;
    said.certificateSha256 = tls ? sha256 : QByteArray();
    return said;
}
} // namespace

bool shootLan(const QDir &out)
{
    QTemporaryDir work;
    TestServer server(TestServer::tlsConfig());
    if (!work.isValid() || !server.start())
        return failed(u"cannot start a server"_s);
    const auto port = quint16(server.url().port());
    // Two servers answer: the lab's (the real server, though its announcement claims another
    // certificate than it presents), and one without TLS on another loopback address.
    DiscoveryResponder lab(announcement(u"Physics lab"_s, port, true, QByteArray(32, '\x5a')));
    const QHostAddress second(u"127.0.0.2"_s);
    DiscoveryResponder print(announcement(u"Print room"_s, 7700, false, {}), second, lab.port());
    AppSettings settings(work.filePath(u"lan.conf"_s));
    ClientSession session;
    session.setOptions(AppSettings::sessionOptions());
    CertificateGuard guard(session, settings);
    SessionCloser closer{{&session}};
    SignInDialog signIn(session);
    signIn.setCertificateGuard(&guard);
    ServerBrowser::Options options;
    options.discoveryPort = lab.port();
    options.extraTargets = {second};
    options.broadcast = false;
    options.mdns = false;
    signIn.lanServers()->setBrowserOptions(options);

    applyTheme(AppSettings::Theme::Light);
    if (!show(&signIn))
        return false;
    LanServerModel &model = *signIn.lanServers()->model();
    if (!waitFor([&] { return model.rowCount() == 2; }))
        return failed(u"the discovered server never showed in the list"_s);
    settle(300);
    if (!save(out, u"signin-lan-light"_s, &signIn))
        return false;

    // Chosen, and signed up: the first-use question, with the claim that does not match.
    QListView *list = signIn.lanServers()->view();
    list->setFocus(Qt::TabFocusReason);
    list->setCurrentIndex(model.index(0));
    signIn.createAccountBox()->setChecked(true);
    signIn.usernameField()->setText(u"alice"_s);
    signIn.passwordField()->setText(u"correct horse"_s);
    signIn.confirmField()->setText(u"correct horse"_s);
    Q_EMIT list->activated(model.index(0));
    signIn.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    if (!waitFor([&] { return guard.trustDialog() && guard.trustDialog()->isVisible(); }))
        return failed(u"the trust dialog never showed"_s);
    settle(300);
    TrustDialog *question = guard.trustDialog();
    const bool saved = save(out, u"trust-discovered-light"_s, question);
    question->reject();
    signIn.close();
    return saved;
}

} // namespace Banter::Screenshots
