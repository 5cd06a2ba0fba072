// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The admin page of a server admin: a few accounts (one disabled, one more admin), a row
// selected, the one-time password a reset shows, and the page in Chinese.
#include "core/accountcontext.h"
#include "core/adminprobe.h"
#include "core/adminusersmodel.h"
#include "core/appsettings.h"
#include "scenes.h"
#include "sessionhelpers.h"
#include "shooting.h"
#include "testserver.h"
#include "ui/adminpage.h"
#include "ui/mainwindow.h"
#include "ui/resetpassworddialog.h"
#include "ui/theme.h"
#include <banter/client/clientsession.h>

#include <QApplication>
#include <QDir>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTranslator>

#include <memory>
#include <vector>

namespace Banter::Screenshots {

using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

bool shootAdmin(const QDir &out)
{
    QTemporaryDir work;
    TestServer server;
    if (!work.isValid() || !server.start())
        return failed(u"cannot start a server"_s);
    auto alice = signedUpSession(server.url(), u"alice"_s, u"Alice Martin"_s);
    if (!alice || !server.setServerAdmin(alice->currentUser().id, true))
        return failed(u"cannot make alice a server admin"_s);
    std::vector<std::unique_ptr<ClientSession>> others; // kept signed in: "last seen" is now
    SessionCloser closer{{alice.get()}}; // closes them all before they go
    const QList<std::pair<QString, QString>> people = {{u"bob"_s, u"Bob Chen"_s},
                                                       {u"carol"_s, u"Carol Diaz"_s},
                                                       {u"dmitri"_s, u"Dmitri Volkov"_s},
                                                       {u"erin"_s, u"Erin O'Neill"_s},
                                                       {u"farid"_s, u""_s},
                                                       {u"grace"_s, u"Grace Liu"_s}};
    for (const auto &[name, shown] : people) {
        auto session = signedUpSession(server.url(), name, shown.isEmpty() ? name : shown);
        if (!session)
            return failed(u"cannot sign %1 up"_s.arg(name));
        closer.sessions.append(session.get());
        others.push_back(std::move(session));
    }
    if (!await(alice->adminSetDisabled(u"erin"_s, true))
        || !await(alice->adminSetAdmin(u"carol"_s, true)))
        return failed(u"cannot prepare the accounts"_s);

    // The English catalogue, as the application loads it (plural forms: "7 accounts.").
    QTranslator english;
    if (!english.load(u"banter_en"_s, QStringLiteral(BANTER_QM_DIR)))
        return failed(u"the English catalogue is not built"_s);
    QApplication::installTranslator(&english);
    applyTheme(AppSettings::Theme::Light);
    AppSettings settings(work.filePath(u"alice.conf"_s));
    auto *account = new AccountContext(*alice, settings);
    auto window = std::make_unique<MainWindow>(*account);
    account->setParent(window.get());
    if (!show(window.get()) || !waitFor([&] { return window->adminProbe()->isAdmin(); }))
        return failed(u"the admin page's entry never showed"_s);
    AdminPage *page = window->showAdminPage();
    page->resize(860, 420);
    if (!waitFor([&] { return page->users()->rowCount() == int(people.size()) + 1; }))
        return failed(u"the accounts never showed up"_s);
    page->selectUser(u"erin"_s);
    settle();
    if (!activate(page))
        return false;
    bool ok = save(out, u"admin-light"_s, page);

    page->selectUser(u"bob"_s);
    ResetPasswordDialog *reset = page->resetPassword();
    if (!reset)
        return failed(u"no reset dialog"_s);
    reset->reset();
    if (!waitFor([&] { return !reset->newPassword().isEmpty(); }))
        return failed(u"the password was never reset"_s);
    settle();
    if (!activate(reset))
        return false;
    ok = save(out, u"admin-reset-light"_s, reset) && ok;
    reset->close();

    // Once in Chinese: does every label still fit?
    QTranslator chinese;
    if (!chinese.load(u"banter_zh_CN"_s, QStringLiteral(BANTER_QM_DIR)))
        return failed(u"the Chinese catalogue is not built"_s);
    QApplication::installTranslator(&chinese);
    AdminPage translated(*alice);
    translated.resize(page->size());
    page->close();
    if (!show(&translated)
        || !waitFor([&] { return translated.users()->rowCount() == int(people.size()) + 1; }))
        return failed(u"the Chinese page never filled"_s);
    translated.selectUser(u"carol"_s);
    settle();
    ok = activate(&translated) && save(out, u"admin-zh_CN"_s, &translated) && ok;
    QApplication::removeTranslator(&chinese);
    QApplication::removeTranslator(&english);
    return ok;
}

} // namespace Banter::Screenshots
