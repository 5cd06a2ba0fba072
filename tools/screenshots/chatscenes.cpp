// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The chat pictures: Alice's window with a busy group open, her contacts, the sign-in dialog,
// the group's info dialog and the tray icon, in the light and the dark palette.
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/contactlistmodel.h"
#include "core/conversationlistmodel.h"
#include "core/messagelistmodel.h"
#include "scenes.h"
#include "sessionhelpers.h"
#include "shooting.h"
#include "testserver.h"
#include "ui/contactspanel.h"
#include "ui/groupinfodialog.h"
#include "ui/mainwindow.h"
#include "ui/messageview.h"
#include "ui/signindialog.h"
#include "ui/theme.h"
#include "ui/trayicon.h"
#include <banter/client/clientsession.h>

#include <QDir>
#include <QTabWidget>
#include <QTemporaryDir>

namespace Banter::Screenshots {

using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

bool shootChat(const QDir &out)
{
    QTemporaryDir work;
    TestServer server;
    if (!work.isValid() || !server.start())
        return failed(u"cannot start a server"_s);
    auto alice = signedUpSession(server.url(), u"alice"_s, u"Alice Chen"_s);
    auto bob = signedUpSession(server.url(), u"bob"_s, u"Bob Martin"_s);
    auto carol = signedUpSession(server.url(), u"carol"_s, u"Carol Díaz"_s);
    auto dave = signedUpSession(server.url(), u"dave"_s, u"Dave Okafor"_s);
    auto erin = signedUpSession(server.url(), u"erin"_s, u"Erin Walsh"_s);
    if (!alice || !bob || !carol || !dave || !erin)
        return failed(u"cannot sign the users up"_s);
    for (const QString &name : {u"bob"_s, u"carol"_s, u"dave"_s, u"erin"_s}) {
        if (!await(alice->addContact(name)))
            return failed(u"cannot add %1 as a contact"_s.arg(name));
    }
    if (!await(dave->setPresence(PresenceStatus::Away)))
        return failed(u"cannot set Dave away"_s);

    auto withErin = await(erin->createPrivate(alice->currentUser().id));
    auto withDave = await(dave->createPrivate(alice->currentUser().id));
    auto group = await(alice->createGroup(
        u"Weekend trip"_s,
        {bob->currentUser().id, carol->currentUser().id, dave->currentUser().id}));
    auto withBob = await(bob->createPrivate(alice->currentUser().id));
    if (!withErin || !withDave || !group || !withBob)
        return failed(u"cannot create the conversations"_s);
    const QList<std::tuple<ClientSession *, ConversationId, QString>> before = {
        {erin.get(), withErin->id, u"Thanks for yesterday!"_s},
        {dave.get(), withDave->id, u"Can you send me the slides from Tuesday?"_s},
        {alice.get(), withDave->id, u"Sure, after lunch."_s},
    };
    for (const auto &[who, where, text] : before) {
        if (!await(who->sendMessage(where, text)))
            return failed(u"cannot send \"%1\""_s.arg(text));
        if (who == erin.get())
            erin->disconnectFromServer(); // offline, last seen just now
    }
    // Replies, an edit, reactions and a mention of Alice (issue 18) in the open group.
    const QList<std::pair<ClientSession *, QString>> chat = {
        {bob.get(), u"Who's driving on Saturday?"_s},
        {carol.get(), u"I can take four people. Leaving at 8 from the station."_s},
        {alice.get(), u"Count me in! I'll bring coffee ☕"_s},
        {dave.get(),
         u"I'll come by train on Friday evening and meet you there — the cabin has room for one more if anyone wants to join early."_s},
        {bob.get(), u"Perfect. Weather looks good: sunny, 22°"_s},
        {carol.get(),
         u"@alice don't forget boots, the trail to the lake is muddy after the rain."_s},
        {alice.get(), u"Got it. See you at 8!"_s},
    };
    QList<Message> sent;
    for (const auto &[who, text] : chat) {
        // Alice answers Carol's offer, and Carol's reminder, as replies.
        const bool reply = who == alice.get() && sent.size() >= 2;
        auto message = reply ? await(who->sendReply(group->id, sent.at(sent.size() - 1).id, text))
                             : await(who->sendMessage(group->id, text));
        if (!message)
            return failed(u"cannot send \"%1\""_s.arg(text));
        sent.append(*message);
    }
    const QList<std::tuple<ClientSession *, int, QString>> reactions = {
        {bob.get(), 1, u"👍"_s},   {dave.get(), 1, u"👍"_s}, {alice.get(), 1, u"❤️"_s},
        {carol.get(), 2, u"☕"_s}, {bob.get(), 6, u"👍"_s},
    };
    for (const auto &[who, at, emoji] : reactions) {
        if (!await(who->react(group->id, sent.at(at).id, emoji)))
            return failed(u"cannot react with %1"_s.arg(emoji));
    }
    if (!await(bob->editMessage(group->id, sent.at(4).id,
                                u"Perfect. Weather looks good: sunny, 24°"_s)))
        return failed(u"cannot edit Bob's message"_s);
    // The group's rows: its creation, the messages, and the changes (shown on the messages).
    const int groupRows = 1 + int(chat.size()) + int(reactions.size()) + 1;
    if (!await(bob->sendMessage(withBob->id, u"Did you see the new release notes?"_s))
        || !await(bob->sendMessage(withBob->id, u"Receipts work across devices now 🎉"_s)))
        return failed(u"cannot send Bob's messages"_s);

    applyTheme(AppSettings::Theme::Light);
    AppSettings settings(work.filePath(u"settings.conf"_s));
    settings.setMutedConversations({withErin->id});
    AccountContext account(*alice, settings);
    auto window = std::make_unique<MainWindow>(account);
    SessionCloser closer{{alice.get(), bob.get(), carol.get(), dave.get(), erin.get()}};
    if (!show(window.get()))
        return false;
    if (!waitFor([&] { return rowsIn<ConversationListModel>(window.get()) == 4; }))
        return failed(u"the conversation list never showed 4 conversations"_s);
    if (!activate(window.get()))
        return false;
    window->openConversation(group->id);
    if (!waitFor([&] { return rowsIn<MessageListModel>(window.get()) == groupRows; }))
        return failed(u"the group never showed its %1 rows"_s.arg(groupRows));
    // The newest messages, with the replies and reactions, rather than the first unread.
    if (auto *view = window->findChild<MessageView *>())
        view->scrollToNewest();
    if (!await(bob->sendMessage(withBob->id, u"Call me when you're free"_s)))
        return failed(u"cannot send Bob's last message"_s);
    // The header shows who is typing (the indicator lasts a few seconds: both themes see it).
    if (!await(carol->sendTyping(group->id, true)))
        return failed(u"cannot say Carol is typing"_s);
    settle(500); // the unread badge, the notification and the typing line
    if (!save(out, u"main-light"_s, window.get()))
        return false;

    auto *tabs = window->findChild<QTabWidget *>();
    auto *contacts = window->findChild<ContactsPanel *>();
    if (!tabs || !contacts)
        return failed(u"the window has no contacts tab"_s);
    tabs->setCurrentWidget(contacts);
    if (!waitFor([&] { return rowsIn<ContactListModel>(window.get()) == 4; }))
        return failed(u"the contacts tab never showed 4 contacts"_s);
    settle(200);
    if (!save(out, u"contacts-light"_s, window.get()))
        return false;
    tabs->setCurrentIndex(0);

    ClientSession nobody;
    SignInDialog signIn(nobody);
    if (!show(&signIn))
        return false;
    settle(200);
    if (!save(out, u"signin-light"_s, &signIn))
        return false;

    applyTheme(AppSettings::Theme::Dark);
    settle(500);
    if (!save(out, u"main-dark"_s, window.get()) || !save(out, u"signin-dark"_s, &signIn))
        return false;
    GroupInfoDialog *info = window->showGroupInfo();
    if (!info)
        return failed(u"the group info dialog did not open"_s);
    settle(300);
    if (!save(out, u"groupinfo-dark"_s, info))
        return false;
    applyTheme(AppSettings::Theme::Light);
    return save(out, u"tray-3"_s, TrayIcon::iconFor(3).pixmap(64))
        && save(out, u"tray-120"_s, TrayIcon::iconFor(120).pixmap(64));
}

} // namespace Banter::Screenshots
