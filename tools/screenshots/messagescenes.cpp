// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The everyday message tools of issue 18 that the main pictures do not show: a message's menu
// (quick reactions, Reply, Edit, Copy, Delete) over a conversation with a deleted message and
// an edited one, in both palettes and in Chinese; and the view after a reply's quote was
// clicked: the original far up, highlighted, with the "jump to latest" count.
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/conversationlistmodel.h"
#include "core/messagelistmodel.h"
#include "scenes.h"
#include "sessionhelpers.h"
#include "shooting.h"
#include "testserver.h"
#include "ui/mainwindow.h"
#include "ui/messagedelegate.h"
#include "ui/messagemenu.h"
#include "ui/messageview.h"
#include "ui/theme.h"
#include "ui/uilanguage.h"
#include <banter/client/clientsession.h>

#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace Banter::Screenshots {

using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
// The window with the popup menu painted where it shows: a grab of the window alone would
// leave the menu (a window of its own) out.
QPixmap withMenu(QWidget *window, MessageView *view)
{
    QPixmap picture = window->grab();
    const auto menus = view->findChildren<MessageMenu *>(u"messageMenu"_s);
    for (MessageMenu *menu : menus) {
        if (!menu->isVisible())
            continue;
        QPainter painter(&picture);
        painter.drawPixmap(menu->geometry().topLeft() - window->mapToGlobal(QPoint(0, 0)),
                           menu->grab());
    }
    return picture;
}

// Opens the menu of the message `id`, as the "⋯" button beside it would.
bool openMenuOn(MessageView *view, const MessageListModel *model, const QUuid &id)
{
    const QModelIndex index = model->index(model->rowOfId(id));
    if (!index.isValid())
        return failed(u"the message for the menu is not in the view"_s);
    view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    const QRect bubble = view->visualRect(index);
    QTest::mouseMove(view->viewport(), bubble.center());
    view->messageDelegate()->setHovered(index);
    view->viewport()->update();
    const QRect button = view->messageDelegate()->menuButtonRect(view, index);
    const QPoint at = button.isEmpty() ? bubble.center() : button.bottomLeft();
    view->showMenu(index, view->viewport()->mapToGlobal(at));
    return waitFor([&] {
        const auto menus = view->findChildren<MessageMenu *>(u"messageMenu"_s);
        return std::any_of(menus.begin(), menus.end(),
                           [](const MessageMenu *m) { return m->isVisible(); });
    });
}

void closeMenus(MessageView *view)
{
    for (MessageMenu *menu : view->findChildren<MessageMenu *>(u"messageMenu"_s))
        menu->close();
    settle(100);
}
} // namespace

bool shootMessages(const QDir &out)
{
    QTemporaryDir work;
    TestServer server(TestServer::unthrottledConfig());
    if (!work.isValid() || !server.start())
        return failed(u"cannot start a server"_s);
    auto alice = signedUpSession(server.url(), u"alice"_s, u"Alice Chen"_s);
    auto bob = signedUpSession(server.url(), u"bob"_s, u"Bob Martin"_s);
    auto carol = signedUpSession(server.url(), u"carol"_s, u"Carol Díaz"_s);
    if (!alice || !bob || !carol)
        return failed(u"cannot sign the users up"_s);
    auto group =
        await(alice->createGroup(u"Book club"_s, {bob->currentUser().id, carol->currentUser().id}));
    if (!group)
        return failed(u"cannot create the group"_s);
    // A question long ago, a busy evening after it, then a reply to the question.
    auto question = await(carol->sendMessage(
        group->id, u"Which book next month? I'd like something under 300 pages."_s));
    if (!question)
        return failed(u"cannot send Carol's question"_s);
    for (int i = 0; i < 120; ++i) {
        ClientSession *who = i % 2 ? bob.get() : carol.get();
        if (!await(who->sendMessage(
                group->id, u"Chapter %1 notes, page %2"_s.arg(i / 10 + 1).arg(12 + 3 * i))))
            return failed(u"cannot fill the group"_s);
    }
    auto answer = await(alice->sendReply(group->id, question->id, u"Let's try “Piranesi”."_s));
    auto typo = await(bob->sendMessage(group->id, u"I'll bring the snaks"_s));
    auto oops = await(bob->sendMessage(group->id, u"(wrong group, sorry)"_s));
    auto mine = await(alice->sendMessage(
        group->id, u"Thursday at 7 then, at mine. @carol can you bring the wine?"_s));
    if (!answer || !typo || !oops || !mine)
        return failed(u"cannot send the evening's messages"_s);
    if (!await(bob->editMessage(group->id, typo->id, u"I'll bring the snacks"_s))
        || !await(bob->deleteMessage(group->id, oops->id))
        || !await(carol->react(group->id, answer->id, u"👍"_s))
        || !await(bob->react(group->id, answer->id, u"🎉"_s))
        || !await(alice->react(group->id, typo->id, u"😂"_s)))
        return failed(u"cannot change the evening's messages"_s);

    // English as the app shows it (its plural forms: "2 new messages", not the source text's
    // "message(s)").
    if (!UiLanguage::apply(u"en"_s, QStringLiteral(BANTER_QM_DIR)))
        return failed(u"the English translation is not there"_s);
    applyTheme(AppSettings::Theme::Light);
    AppSettings settings(work.filePath(u"settings.conf"_s));
    AccountContext account(*alice, settings);
    auto window = std::make_unique<MainWindow>(account);
    SessionCloser closer{{alice.get(), bob.get(), carol.get()}};
    if (!show(window.get()))
        return false;
    if (!waitFor([&] { return rowsIn<ConversationListModel>(window.get()) == 1; }))
        return failed(u"the conversation list never showed the group"_s);
    if (!activate(window.get()))
        return false;
    window->openConversation(group->id);
    auto *model = modelIn<MessageListModel>(window.get());
    auto *view = window->findChild<MessageView *>();
    if (!model || !view)
        return failed(u"the window has no message view"_s);
    if (!waitFor([&] { return model->rowOfId(mine->id) >= 0; }))
        return failed(u"the group never showed its newest message"_s);
    view->scrollToNewest();
    settle(300);

    // The menu of Alice's own message: quick reactions, Reply, Edit, Copy, Delete.
    if (!openMenuOn(view, model, mine->id))
        return failed(u"the message menu did not open"_s);
    settle(200);
    if (!save(out, u"messages-menu-light"_s, withMenu(window.get(), view)))
        return false;
    closeMenus(view);
    applyTheme(AppSettings::Theme::Dark);
    settle(300);
    if (!openMenuOn(view, model, typo->id))
        return failed(u"the message menu did not open"_s);
    settle(200);
    if (!save(out, u"messages-menu-dark"_s, withMenu(window.get(), view)))
        return false;
    closeMenus(view);

    // In Chinese.
    if (!UiLanguage::apply(u"zh_CN"_s, QStringLiteral(BANTER_QM_DIR)))
        return failed(u"the Chinese translation is not there"_s);
    settle(300);
    bool chineseSaved = openMenuOn(view, model, mine->id);
    if (chineseSaved) {
        settle(200);
        chineseSaved = save(out, u"messages-menu-zh_CN"_s, withMenu(window.get(), view));
    }
    closeMenus(view);
    UiLanguage::apply(u"en"_s, QStringLiteral(BANTER_QM_DIR));
    if (!chineseSaved)
        return failed(u"the Chinese menu picture failed"_s);

    // A click on the reply's quote: the question, 120 messages up, highlighted; meanwhile
    // two more arrive, counted on the "jump to latest" button.
    applyTheme(AppSettings::Theme::Light);
    settle(300);
    view->scrollToNewest();
    settle(200);
    const QModelIndex reply = model->index(model->rowOfId(answer->id));
    const QRect quote = view->messageDelegate()->quoteRect(view, reply);
    if (quote.isEmpty())
        return failed(u"the reply shows no quote"_s);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, quote.center());
    if (!waitFor([&] { return view->messageDelegate()->highlighted() == question->id; }))
        return failed(u"the quote did not jump to the question"_s);
    if (!await(carol->sendMessage(group->id, u"Sounds good!"_s))
        || !await(bob->sendMessage(group->id, u"See you Thursday"_s)))
        return failed(u"cannot send the late messages"_s);
    if (!waitFor([&] { return view->unseenCount() == 2; }))
        return failed(u"the jump button never counted 2 new messages"_s);
    settle(200);
    return save(out, u"messages-jump-light"_s, window.get());
}

} // namespace Banter::Screenshots
