// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The profile page with a picture chosen from a photo, over a window whose conversation
// list and account badge show the pictures people chose.
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/avatarbook.h"
#include "core/conversationlistmodel.h"
#include "scenes.h"
#include "sessionhelpers.h"
#include "shooting.h"
#include "testimages.h"
#include "testserver.h"
#include "ui/mainwindow.h"
#include "ui/profilepage.h"
#include "ui/settingsdialog.h"
#include "ui/theme.h"
#include <banter/client/clientsession.h>

#include <QDir>
#include <QLabel>
#include <QPainter>
#include <QTabWidget>
#include <QTemporaryDir>

namespace Banter::Screenshots {

using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
// A second kind of picture: a plain portrait-like badge, so the list shows two styles.
QImage badgePicture(QColor background, QColor figure)
{
    QImage image(400, 400, QImage::Format_RGB32);
    image.fill(background);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(figure);
    painter.drawEllipse(QRect(130, 70, 140, 140)); // head
    painter.drawEllipse(QRect(60, 240, 280, 280)); // shoulders
    return image;
}
} // namespace

bool shootProfile(const QDir &out)
{
    QTemporaryDir work;
    TestServer server;
    if (!work.isValid() || !server.start())
        return failed(u"cannot start a server"_s);
    auto alice = signedUpSession(server.url(), u"alice"_s, u"Alice Martin"_s);
    auto bob = signedUpSession(server.url(), u"bob"_s, u"Bob Chen"_s);
    auto carol = signedUpSession(server.url(), u"carol"_s, u"Carol Diaz"_s);
    if (!alice || !bob || !carol)
        return failed(u"cannot sign the users up"_s);
    SessionCloser closer{{alice.get(), bob.get(), carol.get()}};
    const QByteArray bobsPicture =
        AvatarBook::encode(badgePicture(QColor(0x3b, 0x6e, 0xa8), QColor(0xf2, 0xd4, 0xb0)));
    if (!await(bob->setAvatar(bobsPicture)))
        return failed(u"Bob cannot set his picture"_s);
    for (ClientSession *other : {bob.get(), carol.get()}) {
        auto chat = await(alice->createPrivate(other->currentUser().id));
        if (!chat || !await(other->sendMessage(chat->id, u"Hi Alice!"_s)))
            return failed(u"cannot start the conversations"_s);
    }

    applyTheme(AppSettings::Theme::Light);
    AppSettings settings(work.filePath(u"alice.conf"_s));
    auto *account = new AccountContext(*alice, settings);
    auto window = std::make_unique<MainWindow>(*account);
    account->setParent(window.get());
    window->resize(1000, 640);
    if (!show(window.get()))
        return false;
    if (!waitFor([&] { return rowsIn<ConversationListModel>(window.get()) == 2; }))
        return failed(u"the conversations never showed up"_s);

    SettingsDialog *dialog = window->showSettings();
    auto *page = dialog->findChild<ProfilePage *>(u"profilePage"_s);
    auto *tabs = dialog->findChild<QTabWidget *>(u"settingsTabs"_s);
    if (!page || !tabs)
        return failed(u"the settings have no profile page"_s);
    tabs->setCurrentWidget(page);
    const QString photo = work.filePath(u"Lake at sunset.jpg"_s);
    if (!landscape(1600, 1000).save(photo, "JPEG", 92))
        return failed(u"cannot write the photo"_s);
    page->setPictureFromFile(photo);
    if (!waitFor([&] { return alice->currentUser().avatarVersion > 0; }) || !waitFor([&] {
            return !account->avatars()
                        ->picture(bob->currentUser().id, bob->currentUser().avatarVersion)
                        .isNull();
        }))
        return failed(u"the pictures never arrived"_s);
    settle();
    if (!activate(window.get()))
        return false;
    bool ok = save(out, u"main-avatars-light"_s, window.get());
    if (!activate(dialog))
        return false;
    settle();
    ok = save(out, u"profile-light"_s, dialog) && ok;
    dialog->reject();
    return ok;
}

} // namespace Banter::Screenshots
