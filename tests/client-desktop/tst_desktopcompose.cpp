// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The composer and search of issue 18, with the real widgets offscreen against a real banterd:
// replying (the bar, Esc, reply_to on the server), editing in place (Up, Esc bringing the
// draft back, the result on the server, a refusal shown), @-completion and the mentions a
// message carries, mentions counted in the conversation list and notified through a mute,
// Ctrl+F / Ctrl+Shift+F with paging, errors and the jump, and drafts across a restart.
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/conversationlistmodel.h"
#include "core/draftstore.h"
#include "core/messagelistmodel.h"
#include "core/notifier.h"
#include "core/searchresultsmodel.h"
#include "desktopfixture.h"
#include "manualclock.h"
#include "sessionhelpers.h"
#include "testpaths.h"
#include "ui/composebar.h"
#include "ui/composecontroller.h"
#include "ui/composer.h"
#include "ui/mainwindow.h"
#include "ui/mentioncompleter.h"
#include "ui/messagedelegate.h"
#include "ui/messagemenu.h"
#include "ui/messageview.h"
#include "ui/searchpanel.h"
#include "waiting.h"
#include <banter/client/certificatepin.h>
#include <banter/client/clientsession.h>

#include <QAction>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
template<typename T>
T *child(QWidget *window, const QString &name)
{
    return window->findChild<T *>(name);
}

Composer *composerOf(MainWindow *window)
{
    return child<Composer>(window, u"composer"_s);
}

// The message the server stores under `id`, as another member reads it (history).
std::optional<Message> storedMessage(ClientSession &reader, ConversationId chat, const QUuid &id)
{
    auto history = await(reader.history(chat));
    if (!history)
        return std::nullopt;
    for (const Message &m : history->messages) {
        if (m.id == id)
            return m;
    }
    return std::nullopt;
}

// The view holds `id` as a stored message (acknowledged, with its seq).
bool holds(MessageListModel *messages, const QUuid &id)
{
    for (int row = 0; row < messages->rowCount(); ++row) {
        const QModelIndex index = messages->index(row);
        if (index.data(MessageListModel::IdRole).toUuid() == id
            && index.data(MessageListModel::SeqRole).toLongLong() > 0)
            return true;
    }
    return false;
}

std::unique_ptr<ClientSession> desktopSession()
{
    auto session = std::make_unique<ClientSession>();
    ClientSession::Options options;
    options.reconnectBaseMs = 50;
    options.reconnectMaxMs = 200;
    session->setOptions(options);
    return session;
}

bool signIn(ClientSession &session, const QUrl &server, const QString &username)
{
    session.connectToServer(server);
    return waitFor([&] { return session.state() == ClientSession::State::Connected; })
        && await(session.login(username, u"correct horse"_s, u"desktop"_s))
        && waitFor([&] { return session.isReady(); });
}
} // namespace

class TestDesktopCompose : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void replyBarAndSendWithReplyTo();
    void editInPlaceWithUp();
    void refusedEditIsShownAndKept();
    void editOnlyWithinTheServersWindow();
    void mentionCompletion();
    void mentionsCountedAndNotifiedThroughMute();
    void searchFindsAndJumps();
    void searchPagesAndShowsErrors();
    void searchRefusedIsShown();
    void draftsSurviveARestart();
    void draftStoreIsBounded();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
};

void TestDesktopCompose::initTestCase()
{
    Banter::Test::useCleanTestPaths(); // settings, drafts and the file cache in test places
    QVERIFY(m_dir.isValid());
}

void TestDesktopCompose::init()
{
    static int n = 0;
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(u"settings-%1.conf"_s.arg(++n)));
}

void TestDesktopCompose::cleanup()
{
    m_settings.reset();
}

// Reply: the bar names whom and what is answered, Esc takes it away (the text stays), and
// the send carries reply_to: the server's stored message answers the original.
void TestDesktopCompose::replyBarAndSendWithReplyTo()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    auto question = await(bob->sendMessage(chat->id, u"lunch at noon?\nor later"_s));
    QVERIFY(question);
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);
    Composer *composer = composerOf(window);
    auto *bar = child<ComposeBar>(window, u"composeBar"_s);
    QVERIFY(composer && bar);
    QVERIFY(!bar->isVisible());

    composer->startReply(*question);
    QVERIFY(bar->isVisible());
    QCOMPARE(child<QLabel>(window, u"composeBarTitle"_s)->text(), u"Reply to Bob"_s);
    QCOMPARE(child<QLabel>(window, u"composeBarText"_s)->text(), u"lunch at noon?"_s);
    QTest::keyClicks(composer, u"yes"_s);
    QTest::keyClick(composer, Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QCOMPARE(composer->mode(), Composer::Mode::Writing);
    QCOMPARE(composer->toPlainText(), u"yes"_s); // Esc cancels the reply, not the text

    composer->startReply(*question);
    QVERIFY(bar->isVisible());
    // The bar's button cancels as Esc does; a third start stays.
    QTest::mouseClick(child<QToolButton>(window, u"composeBarClose"_s), Qt::LeftButton);
    QVERIFY(!bar->isVisible());
    composer->startReply(*question);
    QSignalSpy received(bob, &ClientSession::messageReceived);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE(received.count(), 1);
    const auto answer = received.first().first().value<Message>();
    QCOMPARE(answer.content, u"yes"_s);
    QCOMPARE(answer.replyTo, question->id);
    QVERIFY(!bar->isVisible());
    QVERIFY(composer->toPlainText().isEmpty());
    const std::optional<Message> stored = storedMessage(*bob, chat->id, answer.id);
    QVERIFY(stored);
    QCOMPARE(stored->replyTo, question->id);
    QVERIFY(stored->replyPreview);
    QCOMPARE(stored->replyPreview->senderId, bob->currentUser().id);

    // The next message is no reply.
    QTest::keyClicks(composer, u"see you"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE(received.count(), 2);
    QVERIFY(received.at(1).first().value<Message>().replyTo.isNull());
}

// Up in an empty box edits my last text message; Esc puts back the draft that was there;
// Enter stores the new text on the server under the same id.
void TestDesktopCompose::editInPlaceWithUp()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);
    Composer *composer = composerOf(window);
    MessageListModel *messages = window->account().messages();
    QSignalSpy received(bob, &ClientSession::messageReceived);
    QTest::keyClicks(composer, u"see you at tne"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE(received.count(), 1);
    const auto typo = received.first().first().value<Message>();
    QVERIFY(await(bob->sendMessage(chat->id, u"ok"_s))); // the last message is not mine
    QTRY_VERIFY(holds(messages, typo.id));
    QTRY_COMPARE(messages->newestSeq(), typo.seq + 1);

    // An edit started with a draft in the box gives the draft back when cancelled.
    QTest::keyClicks(composer, u"half a thought"_s);
    QTest::keyClick(composer, Qt::Key_Up); // not empty: Up only moves the cursor
    QCOMPARE(composer->mode(), Composer::Mode::Writing);
    composer->startEdit(typo);
    QCOMPARE(composer->mode(), Composer::Mode::Editing);
    QCOMPARE(composer->toPlainText(), u"see you at tne"_s);
    QCOMPARE(child<QLabel>(window, u"composeBarTitle"_s)->text(), u"Editing"_s);
    QCOMPARE(composer->draft(chat->id), u"half a thought"_s);
    QTest::keyClick(composer, Qt::Key_Escape);
    QCOMPARE(composer->mode(), Composer::Mode::Writing);
    QCOMPARE(composer->toPlainText(), u"half a thought"_s);

    // Up in the empty box.
    composer->clear();
    QTest::keyClick(composer, Qt::Key_Up);
    QCOMPARE(composer->mode(), Composer::Mode::Editing);
    QCOMPARE(composer->target().id, typo.id);
    QCOMPARE(composer->toPlainText(), u"see you at tne"_s);
    QTest::keyClick(composer, Qt::Key_Backspace);
    QTest::keyClick(composer, Qt::Key_Backspace);
    QTest::keyClicks(composer, u"en"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE(composer->mode(), Composer::Mode::Writing);
    QVERIFY(composer->toPlainText().isEmpty());
    const std::optional<Message> stored = storedMessage(*bob, chat->id, typo.id);
    QVERIFY(stored);
    QCOMPARE(stored->content, u"see you at ten"_s);
    QCOMPARE(stored->seq, typo.seq);
    QVERIFY(stored->editedAtMs > 0);
    QCOMPARE(received.count(), 2); // the change event, not a new message to show
    QVERIFY(received.at(1).first().value<Message>().isMessageChange());
}

// The server refuses an edit (the message was deleted meanwhile): the box stays in edit mode
// with the new text, and the note says plainly why.
void TestDesktopCompose::refusedEditIsShownAndKept()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    auto sent = await(alice->sendMessage(chat->id, u"tpyo"_s));
    QVERIFY(sent);
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);
    QTRY_VERIFY(holds(window->account().messages(), sent->id));
    Composer *composer = composerOf(window);
    QTest::keyClick(composer, Qt::Key_Up);
    QCOMPARE(composer->mode(), Composer::Mode::Editing);
    QVERIFY(await(alice->deleteMessage(chat->id, sent->id)));
    composer->selectAll();
    QTest::keyClicks(composer, u"typo"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    auto *note = child<QLabel>(window, u"composerNote"_s);
    QTRY_VERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"deleted"_s), qPrintable(note->text()));
    QCOMPARE(composer->mode(), Composer::Mode::Editing);
    QCOMPARE(composer->toPlainText(), u"typo"_s);
    // Worded errors for the edit window, too.
    QVERIFY(ComposeController::editProblem(Error{ErrorCode::Forbidden, u"edit window"_s})
                .contains(u"no longer be changed"_s));
}

// The server limits edits to 60 s and says so in hello: a message of mine sent two minutes ago
// has no Edit in its menu and Up leaves it alone; a fresh one has both.
void TestDesktopCompose::editOnlyWithinTheServersWindow()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.limits.editWindowSeconds = 60;
    DesktopFixture fixture(config);
    // The server stamps messages two minutes in the past until the clock is moved on.
    ManualClock clock(QDateTime::currentMSecsSinceEpoch() - 120'000);
    fixture.server().setClock(clock.clock());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    QCOMPARE(alice->serverLimits().editWindowSeconds, 60);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    auto old = await(alice->sendMessage(chat->id, u"sent two minutes ago"_s));
    QVERIFY(old);
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);
    MessageListModel *messages = window->account().messages();
    auto *view = child<MessageView>(window, u"messageView"_s);
    Composer *composer = composerOf(window);
    QTRY_VERIFY(holds(messages, old->id));

    // What the message's menu offers, by the actions' names.
    const auto offered = [&](const QUuid &id) {
        const QModelIndex index = messages->index(messages->rowOfId(id));
        view->showMenu(index, view->viewport()->mapToGlobal(view->visualRect(index).center()));
        QStringList names;
        for (MessageMenu *menu : view->findChildren<MessageMenu *>(u"messageMenu"_s)) {
            if (!menu->isVisible())
                continue;
            for (const QAction *action : menu->actions())
                names.append(action->objectName());
            menu->close();
        }
        return names;
    };
    QStringList actions = offered(old->id);
    QVERIFY2(actions.contains(u"replyAction"_s), qPrintable(actions.join(u' ')));
    QVERIFY2(!actions.contains(u"editAction"_s), qPrintable(actions.join(u' ')));
    QVERIFY(actions.contains(u"deleteAction"_s)); // deleting is not bound by the window
    QTest::keyClick(composer, Qt::Key_Up);
    QCOMPARE(composer->mode(), Composer::Mode::Writing);

    clock.advance(120'000); // the server's time is now
    auto fresh = await(alice->sendMessage(chat->id, u"just now"_s));
    QVERIFY(fresh);
    QTRY_VERIFY(holds(messages, fresh->id));
    actions = offered(fresh->id);
    QVERIFY2(actions.contains(u"editAction"_s), qPrintable(actions.join(u' ')));
    QTest::keyClick(composer, Qt::Key_Up);
    QCOMPARE(composer->mode(), Composer::Mode::Editing);
    QCOMPARE(composer->target().id, fresh->id);
}

// @ and a few letters show the members who match by username or display name; Tab completes
// "@username ", Esc closes the list without touching the text, and the sent message carries
// the mention.
void TestDesktopCompose::mentionCompletion()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Zhang Carol"_s);
    QVERIFY(alice && bob && carol);
    auto group =
        await(alice->createGroup(u"Team"_s, {bob->currentUser().id, carol->currentUser().id}));
    QVERIFY(group);
    MainWindow *window = fixture.showChat(*alice, *m_settings, group->id);
    QVERIFY(window);
    Composer *composer = composerOf(window);
    auto *popup = child<QListWidget>(window, u"mentionPopup"_s);
    QVERIFY(popup);

    QTest::keyClicks(composer, u"hi @"_s);
    QVERIFY(popup->isVisible());
    QCOMPARE(popup->count(), 2); // bob and carol, not me
    QTest::keyClicks(composer, u"zh"_s); // by display name
    QVERIFY(popup->isVisible());
    QCOMPARE(popup->count(), 1);
    QVERIFY(popup->item(0)->text().contains(u"@carol"_s));
    QTest::keyClick(composer, Qt::Key_Tab);
    QVERIFY(!popup->isVisible());
    QCOMPARE(composer->toPlainText(), u"hi @carol "_s);
    QVERIFY(composer->hasFocus() || !window->isActiveWindow()); // Tab did not move the focus

    QTest::keyClicks(composer, u"and @b"_s);
    QVERIFY(popup->isVisible());
    QTest::keyClick(composer, Qt::Key_Escape);
    QVERIFY(!popup->isVisible());
    QCOMPARE(composer->toPlainText(), u"hi @carol and @b"_s);
    QTest::keyClicks(composer, u"o"_s); // the same @: it stays closed
    QVERIFY(!popup->isVisible());
    QTest::keyClick(composer, Qt::Key_Backspace);
    QTest::keyClick(composer, Qt::Key_Backspace);
    QTest::keyClick(composer, Qt::Key_Backspace);
    QTest::keyClicks(composer, u"@B"_s);
    QVERIFY(popup->isVisible()); // a new @ asks again
    QTest::keyClick(composer, Qt::Key_Return); // Enter completes; it does not send
    QCOMPARE(composer->toPlainText(), u"hi @carol and @bob "_s);
    QTest::keyClicks(composer, u"look"_s);
    QCOMPARE(composer->mentions().size(), 2);

    QSignalSpy toCarol(carol, &ClientSession::messageReceived);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE(toCarol.count(), 1);
    const auto message = toCarol.first().first().value<Message>();
    QCOMPARE(message.content, u"hi @carol and @bob look"_s);
    QVERIFY(message.mentions.contains(carol->currentUser().id));
    QVERIFY(message.mentions.contains(bob->currentUser().id));
    QVERIFY(!message.mentions.contains(alice->currentUser().id));
}

// Bob mentions Alice in a group she muted and is not looking at: the list counts it apart
// ("@" badge), a notification comes through the mute (a plain message does not), and
// opening the group clears the count.
void TestDesktopCompose::mentionsCountedAndNotifiedThroughMute()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto group = await(bob->createGroup(u"Team"_s, {alice->currentUser().id}));
    auto direct = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(group && direct);
    QVERIFY(await(bob->sendMessage(group->id, u"@alice before you opened"_s)));
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    ConversationListModel *list = window->account().conversations();
    QTRY_COMPARE(list->rowCount(), 2);
    const auto mentionsOf = [&](ConversationId id) {
        return list->index(list->rowOf(id)).data(ConversationListModel::MentionsRole).toLongLong();
    };
    QTRY_COMPARE(mentionsOf(group->id), 1); // from the server's summary
    window->openConversation(direct->id);
    window->setMuted(group->id, true);
    QSignalSpy notified(window->account().notifier(), &Notifier::notificationRequested);

    QVERIFY(await(bob->sendMessage(group->id, u"plain chatter"_s)));
    auto mention = await(bob->sendMessage(group->id, u"@alice can you check?"_s));
    QVERIFY(mention);
    QTRY_COMPARE(mentionsOf(group->id), 2);
    QCOMPARE(
        list->index(list->rowOf(group->id)).data(ConversationListModel::UnreadRole).toLongLong(),
        3);
    QTRY_COMPARE(notified.count(), 1);
    QCOMPARE(notified.first().first().value<Message>().id, mention->id);
    QCOMPARE(mentionsOf(direct->id), 0);

    window->openConversation(group->id);
    QCOMPARE(mentionsOf(group->id), 0);
}

// Ctrl+F searches the open conversation, Ctrl+Shift+F all of them; the hits name the
// conversation and the sender, their snippets mark the match; Enter jumps and opens the
// conversation of the hit.
void TestDesktopCompose::searchFindsAndJumps()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto direct = await(bob->createPrivate(alice->currentUser().id));
    auto group = await(bob->createGroup(u"Team"_s, {alice->currentUser().id}));
    QVERIFY(direct && group);
    auto inDirect = await(bob->sendMessage(direct->id, u"the quarterly report is ready"_s));
    QVERIFY(inDirect);
    auto inGroup = await(bob->sendMessage(group->id, u"季度报告 report draft attached"_s));
    QVERIFY(inGroup);
    QVERIFY(await(bob->sendMessage(group->id, u"nothing to see"_s)));
    MainWindow *window = fixture.showChat(*alice, *m_settings, direct->id, 2);
    QVERIFY(window);
    window->activateWindow();
    auto *panel = child<SearchPanel>(window, u"searchPanel"_s);
    auto *query = child<QLineEdit>(window, u"searchQuery"_s);
    auto *results = child<QListView>(window, u"searchResults"_s);
    QVERIFY(panel && query && results);
    QVERIFY(!panel->isVisible());
    QSignalSpy jumps(panel, &SearchPanel::jumpRequested);

    QTest::keyClick(composerOf(window), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(panel->scope(), direct->id);
    QCOMPARE(child<QLabel>(window, u"searchScope"_s)->text(), u"Search in Bob"_s);
    QTest::keyClicks(query, u"report"_s);
    QTRY_COMPARE(results->model()->rowCount(), 1);
    QModelIndex hit = results->model()->index(0, 0);
    QCOMPARE(hit.data(SearchResultsModel::ConversationNameRole).toString(), u"Bob"_s);
    // Bob's chat is named after him: his name is not said a second time as the sender.
    QCOMPARE(hit.data(SearchResultsModel::SenderNameRole).toString(), QString());
    QCOMPARE(hit.data(SearchResultsModel::SeqRole).toLongLong(), inDirect->seq);
    Protocol::SearchHit parts;
    parts.snippet = hit.data(SearchResultsModel::SnippetRole).toString();
    bool marked = false;
    for (const Protocol::SnippetPart &part : parts.snippetParts())
        marked = marked || (part.highlighted && part.text.contains(u"report"_s));
    QVERIFY(marked);
    QTest::keyClick(query, Qt::Key_Return);
    QCOMPARE(jumps.count(), 1);
    QCOMPARE(jumps.first().at(0).value<ConversationId>(), direct->id);
    QCOMPARE(jumps.first().at(1).value<Seq>(), inDirect->seq);

    // Everywhere: both hits, the newest first; Down and Enter go to the group's.
    QTest::keyClick(query, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(panel->scope(), 0);
    QTRY_COMPARE(results->model()->rowCount(), 2);
    QCOMPARE(
        results->model()->index(0, 0).data(SearchResultsModel::ConversationIdRole).toLongLong(),
        group->id);
    QCOMPARE(
        results->model()->index(0, 0).data(SearchResultsModel::ConversationNameRole).toString(),
        u"Team"_s);
    QCOMPARE(results->model()->index(0, 0).data(SearchResultsModel::SenderNameRole).toString(),
             u"Bob"_s);
    QTest::keyClick(query, Qt::Key_Down);
    QTest::keyClick(query, Qt::Key_Up);
    QTest::keyClick(query, Qt::Key_Return);
    QCOMPARE(jumps.count(), 2);
    QCOMPARE(jumps.at(1).at(0).value<ConversationId>(), group->id);
    QCOMPARE(jumps.at(1).at(1).value<Seq>(), inGroup->seq);
    QCOMPARE(window->account().messages()->conversationId(), group->id); // opened there
    // ... and the view lands on the found message and highlights it.
    QTRY_COMPARE(window->findChild<MessageView *>()->messageDelegate()->highlighted(), inGroup->id);

    // Chinese text is found too, and a click jumps as Enter does.
    query->clear();
    query->setText(u"季度报告"_s); // QTest types Latin-1 only; an input method commits text so
    QTRY_COMPARE(results->model()->rowCount(), 1);
    QTest::mouseClick(results->viewport(), Qt::LeftButton, {},
                      results->visualRect(results->model()->index(0, 0)).center());
    QCOMPARE(jumps.count(), 3);
    QCOMPARE(jumps.at(2).at(1).value<Seq>(), inGroup->seq);

    // One's own messages say "You", in a group as in a private chat.
    QVERIFY(await(alice->sendMessage(group->id, u"my zebra notes"_s)));
    QVERIFY(await(alice->sendMessage(direct->id, u"zebra crossing"_s)));
    query->setText(u"zebra"_s);
    QTRY_COMPARE(results->model()->rowCount(), 2);
    for (int row = 0; row < 2; ++row)
        QCOMPARE(results->model()->index(row, 0).data(SearchResultsModel::SenderNameRole),
                 QVariant(u"You"_s));

    // Esc closes the panel.
    query->setFocus();
    QTest::keyClick(query, Qt::Key_Escape);
    QVERIFY(!panel->isVisible());
}

// More hits than a page: "More results" fetches the next; a search the server refuses
// (rate_limited) says so in the panel.
void TestDesktopCompose::searchPagesAndShowsErrors()
{
    Server::ServerConfig config = TestServer::unthrottledConfig();
    DesktopFixture fixture(config);
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    constexpr int Count = Protocol::SearchRequest::DefaultLimit + 5;
    for (int i = 0; i < Count; ++i)
        QVERIFY(await(bob->sendMessage(chat->id, u"alpha %1"_s.arg(i))));
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);
    SearchPanel *panel = window->showSearch(false);
    auto *query = child<QLineEdit>(window, u"searchQuery"_s);
    auto *more = child<QPushButton>(window, u"searchMore"_s);
    SearchResultsModel *results = panel->results();
    QTest::keyClicks(query, u"alpha"_s);
    QTest::keyClick(query, Qt::Key_Return); // no need to wait for the pause
    QTRY_VERIFY(results->hasAnswer() && !results->isLoading());
    QTRY_COMPARE(results->rowCount(), Protocol::SearchRequest::DefaultLimit);
    QVERIFY(more->isVisible());
    QTest::mouseClick(more, Qt::LeftButton);
    QTRY_COMPARE(results->rowCount(), Count);
    QTRY_VERIFY(!more->isVisible());

    // Nothing found is said as such.
    query->clear();
    QTest::keyClicks(query, u"omega"_s);
    auto *status = child<QLabel>(window, u"searchStatus"_s);
    QTRY_COMPARE(status->text(), u"No messages found."_s);
}

// Searching faster than the server allows (rate_limited), or while offline: the panel says
// what happened rather than showing an empty list.
void TestDesktopCompose::searchRefusedIsShown()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.limits.searchBurst = 1;
    config.limits.searchPerSecond = 0.001;
    DesktopFixture fixture(config);
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    QVERIFY(alice);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    SearchPanel *panel = window->showSearch(true);
    QCOMPARE(panel->scope(), 0);
    auto *query = child<QLineEdit>(window, u"searchQuery"_s);
    auto *status = child<QLabel>(window, u"searchStatus"_s);
    QTest::keyClicks(query, u"first"_s);
    QTest::keyClick(query, Qt::Key_Return);
    QTRY_COMPARE(status->text(), u"No messages found."_s);
    query->clear();
    QTest::keyClicks(query, u"second"_s);
    QTest::keyClick(query, Qt::Key_Return);
    QTRY_VERIFY2(status->text().contains(u"Too many attempts"_s), qPrintable(status->text()));
    QVERIFY(status->text().startsWith(u"Search failed"_s));

    alice->disconnectFromServer();
    query->clear();
    QTest::keyClicks(query, u"third"_s);
    QTest::keyClick(query, Qt::Key_Return);
    QTRY_VERIFY2(status->text().startsWith(u"Search failed"_s)
                     && !status->text().contains(u"Too many"_s),
                 qPrintable(status->text()));
}

// Drafts are kept per account on disk: what was typed in two conversations is there again
// after the window and the account are built anew over a new sign-in; a sent draft is gone.
void TestDesktopCompose::draftsSurviveARestart()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Carol"_s);
    QVERIFY(alice && bob && carol);
    auto withBob = await(alice->createPrivate(bob->currentUser().id));
    auto withCarol = await(alice->createPrivate(carol->currentUser().id));
    QVERIFY(withBob && withCarol);
    const QUrl url = fixture.server().url();
    const QString path =
        DraftStore::defaultPath(CertificatePin::serverKey(url), alice->currentUser().id);
    QFile::remove(path);

    {
        auto session = desktopSession();
        AccountContext account(*session, *m_settings);
        MainWindow window(account);
        SessionCloser closer{{session.get()}};
        window.show();
        QVERIFY(signIn(*session, url, u"alice"_s));
        QTRY_COMPARE(account.conversations()->rowCount(), 2);
        Composer *composer = composerOf(&window);
        window.openConversation(withBob->id);
        QTest::keyClicks(composer, u"see you at ten"_s);
        window.openConversation(withCarol->id); // a switch writes at once
        QVERIFY(QFile::exists(path));
        QTest::keyClicks(composer, u"half a thought"_s); // kept when the window goes
        QTRY_VERIFY(!account.messages()->isLoading());
    }
    QVERIFY(QFile::exists(path));

    {
        auto session = desktopSession();
        AccountContext account(*session, *m_settings);
        MainWindow window(account);
        SessionCloser closer{{session.get()}};
        window.show();
        QVERIFY(signIn(*session, url, u"alice"_s));
        QTRY_COMPARE(account.conversations()->rowCount(), 2);
        Composer *composer = composerOf(&window);
        // The conversation open last time shows its draft again.
        QTRY_COMPARE(composer->conversation(), withCarol->id);
        QTRY_COMPARE(composer->toPlainText(), u"half a thought"_s);
        QCOMPARE(composer->draft(withBob->id), u"see you at ten"_s);
        window.openConversation(withBob->id);
        QCOMPARE(composer->toPlainText(), u"see you at ten"_s);
        QSignalSpy toBob(bob, &ClientSession::messageReceived);
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_COMPARE(toBob.count(), 1);
        QVERIFY(!account.drafts()->contains(withBob->id));
        QTRY_VERIFY(!account.messages()->isLoading());
    }

    DraftStore reread;
    reread.open(path);
    QVERIFY(!reread.contains(withBob->id)); // sent: no longer a draft
    QCOMPARE(reread.draft(withCarol->id).text, u"half a thought"_s);
}

// A store holds at most MaxDrafts drafts (the oldest go) of at most MaxDraftChars each, and a
// blank draft is no draft.
void TestDesktopCompose::draftStoreIsBounded()
{
    const QString path = m_dir.filePath(u"bounded.json"_s);
    {
        DraftStore store;
        store.open(path);
        for (ConversationId id = 1; id <= DraftStore::MaxDrafts + 10; ++id)
            store.setDraft(id, u"draft %1"_s.arg(id), 0);
        QCOMPARE(store.count(), DraftStore::MaxDrafts);
        QVERIFY(store.contains(DraftStore::MaxDrafts + 10));
        store.setDraft(1, QString(DraftStore::MaxDraftChars + 50, u'x'), 5);
        QCOMPARE(store.draft(1).text.size(), DraftStore::MaxDraftChars);
        store.setDraft(2, u"   "_s, 0);
        QVERIFY(!store.contains(2));
    }
    DraftStore reread;
    reread.open(path);
    QVERIFY(reread.count() <= DraftStore::MaxDrafts);
    QVERIFY(reread.contains(1));
    QCOMPARE(reread.draft(1).cursor, 5);
}

QTEST_MAIN(TestDesktopCompose)
#include "tst_desktopcompose.moc"
