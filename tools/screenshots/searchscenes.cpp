// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The search and composer pictures: Alice searches all her conversations for "trail" with the
// group open beside the results, while a reply to Carol waits in the composer; then she types
// "@" and the member list shows. Light and dark.
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/conversationlistmodel.h"
#include "core/messagelistmodel.h"
#include "core/searchresultsmodel.h"
#include "scenes.h"
#include "sessionhelpers.h"
#include "shooting.h"
#include "testserver.h"
#include "ui/composer.h"
#include "ui/mainwindow.h"
#include "ui/searchpanel.h"
#include "ui/theme.h"
#include <banter/client/clientsession.h>

#include <QDir>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

namespace Banter::Screenshots {

using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

bool shootSearch(const QDir &out)
{
    QTemporaryDir work;
    TestServer server;
    if (!work.isValid() || !server.start())
        return failed(u"cannot start a server"_s);
    auto alice = signedUpSession(server.url(), u"alice"_s, u"Alice Chen"_s);
    auto bob = signedUpSession(server.url(), u"bob"_s, u"Bob Martin"_s);
    auto carol = signedUpSession(server.url(), u"carol"_s, u"Carol Díaz"_s);
    if (!alice || !bob || !carol)
        return failed(u"cannot sign the users up"_s);
    auto group = await(
        alice->createGroup(u"Weekend trip"_s, {bob->currentUser().id, carol->currentUser().id}));
    auto withBob = await(bob->createPrivate(alice->currentUser().id));
    if (!group || !withBob)
        return failed(u"cannot create the conversations"_s);
    const QList<std::tuple<ClientSession *, ConversationId, QString>> said = {
        {bob.get(), withBob->id, u"Is the trail to the lake open again?"_s},
        {alice.get(), withBob->id, u"Yes, since Tuesday."_s},
        {carol.get(), group->id, u"Don't forget boots, the trail to the lake is muddy."_s},
        {bob.get(), group->id, u"Who's driving on Saturday?"_s},
        {carol.get(), group->id, u"I can take four people. We start the trail at 9."_s},
        {alice.get(), group->id, u"Count me in! I'll bring coffee ☕"_s},
    };
    Message carolsLast;
    for (const auto &[who, where, text] : said) {
        auto sent = await(who->sendMessage(where, text));
        if (!sent)
            return failed(u"cannot send \"%1\""_s.arg(text));
        if (who == carol.get())
            carolsLast = *sent;
    }

    applyTheme(AppSettings::Theme::Light);
    AppSettings settings(work.filePath(u"settings.conf"_s));
    AccountContext account(*alice, settings);
    auto window = std::make_unique<MainWindow>(account);
    SessionCloser closer{{alice.get(), bob.get(), carol.get()}};
    if (!show(window.get()))
        return false;
    window->resize(1200, 700);
    if (!waitFor([&] { return rowsIn<ConversationListModel>(window.get()) == 2; }))
        return failed(u"the conversation list never showed 2 conversations"_s);
    if (!activate(window.get()))
        return false;
    window->openConversation(group->id);
    if (!waitFor([&] { return rowsIn<MessageListModel>(window.get()) >= 4; }))
        return failed(u"the group never showed its messages"_s);
    auto *composer = window->findChild<Composer *>(u"composer"_s);
    composer->startReply(carolsLast);
    QTest::keyClicks(composer, u"Great, see you there"_s);
    SearchPanel *panel = window->showSearch(true);
    QTest::keyClicks(window->findChild<QLineEdit *>(u"searchQuery"_s), u"trail"_s);
    panel->searchNow();
    if (!waitFor([&] { return panel->results()->rowCount() == 3; }))
        return failed(u"the search never found 3 messages"_s);
    settle(400);
    if (!save(out, u"search-light"_s, window.get()))
        return false;
    applyTheme(AppSettings::Theme::Dark);
    settle(500);
    if (!save(out, u"search-dark"_s, window.get()))
        return false;

    applyTheme(AppSettings::Theme::Light);
    composer->cancel();
    composer->clear();
    composer->setFocus();
    QTest::keyClicks(composer, u"Thanks @"_s);
    settle(400);
    return save(out, u"compose-mention-light"_s, window.get());
}

} // namespace Banter::Screenshots
