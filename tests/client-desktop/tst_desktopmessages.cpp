// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The message view of issue 18 with the real widgets, offscreen, against a real banterd:
// a reply's quote jumps to its original (loading history around it) and highlights it; the
// "edited" mark and its tooltip; deleting through the menu and its confirmation; reacting
// from the menu and toggling with the chip, with the reactors in the chip's tooltip; links
// that open only for http, https and mailto; mentions marked; the "jump to latest" count;
// opening at the first unread message; the requests the menu hands to the composer.
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/conversationlistmodel.h"
#include "core/messagelistmodel.h"
#include "desktopfixture.h"
#include "sessionhelpers.h"
#include "testpaths.h"
#include "ui/composer.h"
#include "ui/mainwindow.h"
#include "ui/messagedelegate.h"
#include "ui/messagemenu.h"
#include "ui/messageview.h"
#include "waiting.h"
#include <banter/client/clientsession.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QToolTip>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

// Receives the URLs QDesktopServices would have opened (registered per scheme).
class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

namespace {
MessageView *viewOf(MainWindow *window)
{
    return window->findChild<MessageView *>(u"messageView"_s);
}

int rowOf(const MessageListModel *model, const QUuid &id)
{
    return model->rowOfId(id);
}

// The message's menu, opened as the "⋯" button would.
MessageMenu *openMenu(MessageView *view, const QModelIndex &index)
{
    const QPoint at = view->viewport()->mapToGlobal(view->visualRect(index).center());
    view->showMenu(index, at);
    const auto menus = view->findChildren<MessageMenu *>(u"messageMenu"_s);
    for (MessageMenu *menu : menus) {
        if (menu->isVisible())
            return menu;
    }
    return nullptr;
}

// Closes it and waits until it is gone, so the next openMenu() finds the new one.
bool closeMenu(MessageView *view, MessageMenu *menu)
{
    QPointer<MessageMenu> watched(menu);
    menu->close();
    return waitFor([&] { return watched.isNull(); }) && view;
}

QString tooltipAt(MessageView *view, const QPoint &pos)
{
    QToolTip::hideText();
    QHelpEvent event(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
    QCoreApplication::sendEvent(view->viewport(), &event);
    return QToolTip::isVisible() ? QToolTip::text() : QString();
}

bool rowVisible(MessageView *view, int row)
{
    return view->viewport()->rect().intersects(view->visualRect(view->model()->index(row, 0)));
}
} // namespace

class TestDesktopMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void quoteJumpsToTheOriginalAndHighlightsIt();
    void quoteJumpsFarBackInOnePage();
    void jumpToLoadsHistoryAround();
    void editedMarkShowsTheTime();
    void timeFitsItsBubbleInA12HourLocale();
    void deleteAsksFirstAndLeavesAQuietLine();
    void reactFromTheMenuToggleWithTheChip();
    void linksOpenOnlyForAllowedSchemes();
    void messageLinksJumpInsideBanter();
    void aLinkOpenedBeforeSyncWaitsForIt();
    void mentionsAreMarkedMineMore();
    void jumpToLatestCountsNewMessages();
    void opensAtFirstUnreadWithDivider();
    void menuHandsReplyAndEditToTheComposer();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
};

void TestDesktopMessages::initTestCase()
{
    Banter::Test::useCleanTestPaths(); // settings, drafts and the file cache in test places
    QVERIFY(m_dir.isValid());
    // Tooltips appear at once, so a test reads them when it asked for them.
    QApplication::setEffectEnabled(Qt::UI_FadeTooltip, false);
    QApplication::setEffectEnabled(Qt::UI_AnimateTooltip, false);
}

void TestDesktopMessages::init()
{
    static int n = 0;
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(u"settings-%1.conf"_s.arg(++n)));
}

void TestDesktopMessages::cleanup()
{
    m_settings.reset();
}

// The original is 150 messages up, outside the window the chat opens with: a click on the
// reply's quote loads the page around it, puts it on screen and highlights it.
void TestDesktopMessages::quoteJumpsToTheOriginalAndHighlightsIt()
{
    DesktopFixture fixture(TestServer::unthrottledConfig());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    auto original = await(alice->sendMessage(chat->id, u"the original question\nsecond line"_s));
    QVERIFY(original);
    QVERIFY(fillConversation(*alice, chat->id, 150, 2));
    auto reply = await(bob->sendReply(chat->id, original->id, u"the answer"_s));
    QVERIFY(reply);
    QVERIFY(await(bob->markRead(chat->id, reply->seq)));

    MainWindow *window = fixture.showChat(*bob, *m_settings, chat->id);
    QVERIFY(window);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    QTRY_VERIFY(rowOf(model, reply->id) >= 0);
    QCOMPARE(rowOf(model, original->id), -1); // not in the window yet
    const QModelIndex replyRow = model->index(rowOf(model, reply->id));
    QCOMPARE(replyRow.data(MessageListModel::ReplyToRole).toUuid(), original->id);
    QCOMPARE(replyRow.data(MessageListModel::ReplySenderRole).toString(), u"Alice"_s);
    QCOMPARE(replyRow.data(MessageListModel::ReplySnippetRole).toString(),
             u"the original question"_s); // the first line only
    QTRY_VERIFY(rowVisible(view, replyRow.row()));
    const QRect quote = view->messageDelegate()->quoteRect(view, replyRow);
    QVERIFY(!quote.isEmpty());

    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, quote.center());
    QTRY_VERIFY(rowOf(model, original->id) >= 0);
    QTRY_COMPARE(view->messageDelegate()->highlighted(), original->id);
    QTRY_VERIFY(rowVisible(view, rowOf(model, original->id)));
    QVERIFY(!view->isAtBottom());
    // The highlight is brief.
    QTRY_VERIFY_WITH_TIMEOUT(view->messageDelegate()->highlighted().isNull(), 5000);

    // Back at the newest, the jump button brings the reply back.
    QToolButton *latest = view->findChild<QToolButton *>(u"jumpToLatest"_s);
    QVERIFY(latest);
    QTRY_VERIFY(latest->isVisible());
    latest->click();
    QTRY_VERIFY(rowOf(model, reply->id) >= 0);
    QTRY_VERIFY(view->isAtBottom());
    QTRY_VERIFY(!latest->isVisible());
}

// The original is further back than paging back from the reply would look (MaxSeekPages
// pages of 100): the reply's preview names the original's seq, and one page around it opens.
void TestDesktopMessages::quoteJumpsFarBackInOnePage()
{
    DesktopFixture fixture(TestServer::unthrottledConfig());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    auto original = await(alice->sendMessage(chat->id, u"long ago"_s));
    QVERIFY(original);
    const int between = MessageListModel::MaxSeekPages * 100 + 50;
    QVERIFY(fillConversation(*alice, chat->id, between, 2));
    auto reply = await(bob->sendReply(chat->id, original->id, u"about that"_s));
    QVERIFY(reply);
    QVERIFY(reply->replyPreview);
    QCOMPARE(reply->replyPreview->seq, original->seq);
    QVERIFY(await(bob->markRead(chat->id, reply->seq)));

    MainWindow *window = fixture.showChat(*bob, *m_settings, chat->id);
    QVERIFY(window);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    QTRY_VERIFY(rowOf(model, reply->id) >= 0);
    const QModelIndex replyRow = model->index(rowOf(model, reply->id));
    QTRY_VERIFY(rowVisible(view, replyRow.row()));
    QSignalSpy notFound(model, &MessageListModel::notFound);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->messageDelegate()->quoteRect(view, replyRow).center());
    QTRY_VERIFY(rowOf(model, original->id) >= 0);
    QTRY_COMPARE(view->messageDelegate()->highlighted(), original->id);
    QTRY_VERIFY(rowVisible(view, rowOf(model, original->id)));
    QCOMPARE(notFound.count(), 0);
    QVERIFY(!view->findChild<QLabel *>(u"messageViewNote"_s)->isVisible());
}

// What search results call: a message far up, in this conversation and in another one.
void TestDesktopMessages::jumpToLoadsHistoryAround()
{
    DesktopFixture fixture(TestServer::unthrottledConfig());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Carol"_s);
    QVERIFY(alice && bob && carol);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    auto other = await(carol->createPrivate(bob->currentUser().id));
    QVERIFY(chat && other);
    QVERIFY(fillConversation(*alice, chat->id, 200));
    QVERIFY(fillConversation(*carol, other->id, 120));
    // Read: the chat opens at its newest page, not at the first unread (seq 1) with newer
    // pages following, which could hold seq 20 before the jump.
    QVERIFY(await(bob->markRead(chat->id, 200)));
    MainWindow *window = fixture.showChat(*bob, *m_settings, chat->id, 2);
    QVERIFY(window);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    QTRY_VERIFY(model->rowOfSeq(200) >= 0);

    // Seen when the jump lands: the view goes on loading newer pages below it at once, and
    // on a fast machine they can reach seq 200 again before a later check runs.
    int locatedAt = 0;
    bool newestHeldThen = true;
    connect(model, &MessageListModel::located, model, [&](Seq seq) {
        locatedAt = int(seq);
        newestHeldThen = model->rowOfSeq(200) >= 0;
    });
    view->jumpTo(chat->id, 20);
    QTRY_VERIFY(model->rowOfSeq(20) >= 0);
    QTRY_COMPARE(locatedAt, 20);
    QVERIFY(!newestHeldThen); // the window was replaced, not paged down to 20
    const QUuid twenty = model->index(model->rowOfSeq(20)).data(MessageListModel::IdRole).toUuid();
    QTRY_COMPARE(view->messageDelegate()->highlighted(), twenty);
    QTRY_VERIFY(rowVisible(view, model->rowOfSeq(20)));

    view->jumpTo(other->id, 7);
    QTRY_COMPARE(model->conversationId(), other->id);
    QTRY_VERIFY(model->rowOfSeq(7) >= 0);
    QTRY_VERIFY(rowVisible(view, model->rowOfSeq(7)));
    const QUuid seven = model->index(model->rowOfSeq(7)).data(MessageListModel::IdRole).toUuid();
    QTRY_COMPARE(view->messageDelegate()->highlighted(), seven);
}

// In a 12-hour locale the time ("3:41 PM") is wider than "00:00": the bubble makes room for
// it, the edited mark and the ticks, instead of cutting the hour off.
void TestDesktopMessages::timeFitsItsBubbleInA12HourLocale()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const auto restore = qScopeGuard([&] { QLocale::setDefault(before); });
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    auto mine = await(alice->sendMessage(chat->id, u"ok"_s));
    auto edited = await(alice->sendMessage(chat->id, u"fine"_s));
    QVERIFY(mine && edited);
    QVERIFY(await(alice->editMessage(chat->id, edited->id, u"fine!"_s)));
    QVERIFY(await(bob->markRead(chat->id, edited->seq + 1)));
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    QTRY_VERIFY(rowOf(model, mine->id) >= 0 && rowOf(model, edited->id) >= 0);
    QTRY_VERIFY(
        model->index(rowOf(model, edited->id)).data(MessageListModel::EditedAtRole).toLongLong()
        > 0);
    const QFontMetrics fm(view->font());
    const QLocale locale;
    for (const Message &m : {*mine, *edited}) {
        const QModelIndex index = model->index(rowOf(model, m.id));
        QString shown = locale.toString(QDateTime::fromMSecsSinceEpoch(m.createdAtMs).time(),
                                        locale.timeFormat(QLocale::ShortFormat).remove(u":ss"_s))
            + u" ✓✓"_s;
        if (m.id == edited->id)
            shown = u"edited "_s + shown;
        QVERIFY2(shown.contains(u"M"_s), qPrintable(shown)); // AM or PM: a 12-hour clock
        const QRect meta = view->messageDelegate()->metaRect(view, index);
        QVERIFY2(fm.horizontalAdvance(shown) <= meta.width(),
                 qPrintable(u"%1: %2 px in %3"_s.arg(shown)
                                .arg(fm.horizontalAdvance(shown))
                                .arg(meta.width())));
    }
}

void TestDesktopMessages::editedMarkShowsTheTime()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    auto typo = await(bob->sendMessage(chat->id, u"see you at tne"_s));
    QVERIFY(typo);
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    QTRY_VERIFY(rowOf(model, typo->id) >= 0);
    QCOMPARE(model->index(rowOf(model, typo->id)).data(MessageListModel::EditedAtRole).toLongLong(),
             0);
    const QString before = tooltipAt(
        view,
        view->messageDelegate()->metaRect(view, model->index(rowOf(model, typo->id))).center());
    QVERIFY(!before.startsWith(u"Edited"_s));

    QVERIFY(await(bob->editMessage(chat->id, typo->id, u"see you at ten"_s)));
    QTRY_VERIFY(
        model->index(rowOf(model, typo->id)).data(MessageListModel::EditedAtRole).toLongLong() > 0);
    const QModelIndex row = model->index(rowOf(model, typo->id));
    QCOMPARE(row.data(MessageListModel::ContentRole).toString(), u"see you at ten"_s);
    QTRY_VERIFY(rowVisible(view, row.row()));
    const QString tip = tooltipAt(view, view->messageDelegate()->metaRect(view, row).center());
    QVERIFY2(tip.startsWith(u"Edited "_s), qPrintable(tip));
    // The edit event itself takes no line: its effect is the mark on the message.
    const QModelIndex event = model->index(model->storedCount() - 1);
    QVERIFY(event.data(MessageListModel::ChangeEventRole).toBool());
    QCOMPARE(view->visualRect(event).height(), 0);
    // An edit of someone else's message is not offered.
    MessageMenu *menu = openMenu(view, row);
    QVERIFY(menu);
    QVERIFY(!menu->findChild<QAction *>(u"editAction"_s));
    QVERIFY(!menu->findChild<QAction *>(u"deleteAction"_s)); // not mine, no admin here
    QVERIFY(closeMenu(view, menu));
}

// Delete asks first; Cancel keeps the message, Delete leaves a tombstone without content,
// on this window and the other member's.
void TestDesktopMessages::deleteAsksFirstAndLeavesAQuietLine()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    auto wrong = await(alice->sendMessage(chat->id, u"meant for someone else"_s));
    QVERIFY(wrong);
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    QTRY_VERIFY(rowOf(model, wrong->id) >= 0);
    QSignalSpy toBob(bob, &ClientSession::messageReceived);

    const auto askToDelete = [&]() -> QMessageBox * {
        MessageMenu *menu = openMenu(view, model->index(rowOf(model, wrong->id)));
        if (!menu)
            return nullptr;
        QAction *remove = menu->findChild<QAction *>(u"deleteAction"_s);
        if (!remove)
            return nullptr;
        remove->trigger();
        if (!closeMenu(view, menu))
            return nullptr;
        QMessageBox *box = nullptr;
        if (!waitFor([&] {
                box = view->findChild<QMessageBox *>(u"confirmDelete"_s);
                return box && box->isVisible();
            }))
            return nullptr;
        return box;
    };
    QMessageBox *box = askToDelete();
    QVERIFY(box);
    QPointer<QMessageBox> first(box);
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(first.isNull());
    QVERIFY(!model->index(rowOf(model, wrong->id)).data(MessageListModel::DeletedRole).toBool());

    box = askToDelete();
    QVERIFY(box);
    box->findChild<QPushButton *>(u"confirmDeleteButton"_s)->click();
    QTRY_VERIFY(model->index(rowOf(model, wrong->id)).data(MessageListModel::DeletedRole).toBool());
    const QModelIndex row = model->index(rowOf(model, wrong->id));
    QVERIFY(row.data(MessageListModel::ContentRole).toString().isEmpty());
    QTRY_VERIFY(!toBob.isEmpty()); // the deletion reached the other member
    QVERIFY(toBob.constLast().first().value<Message>().isMessageChange());
    // A deleted message has no menu entries that act on its content.
    MessageMenu *menu = openMenu(view, row);
    QVERIFY(menu);
    QVERIFY(!menu->findChild<QAction *>(u"deleteAction"_s));
    QVERIFY(!menu->findChild<QAction *>(u"replyAction"_s));
    QVERIFY(menu->findChildren<QToolButton *>(u"quickReaction"_s).isEmpty());
    QVERIFY(closeMenu(view, menu));
}

void TestDesktopMessages::reactFromTheMenuToggleWithTheChip()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    auto news = await(bob->sendMessage(chat->id, u"we shipped it"_s));
    QVERIFY(news);
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    QTRY_VERIFY(rowOf(model, news->id) >= 0);
    const auto reactions = [&] {
        return model->index(rowOf(model, news->id))
            .data(MessageListModel::ReactionsRole)
            .value<QList<Reaction>>();
    };
    const QString thumbs = MessageMenu::quickReactions().constFirst();

    MessageMenu *menu = openMenu(view, model->index(rowOf(model, news->id)));
    QVERIFY(menu);
    QToolButton *quick = nullptr;
    for (QToolButton *b : menu->findChildren<QToolButton *>(u"quickReaction"_s)) {
        if (b->text() == thumbs)
            quick = b;
    }
    QVERIFY(quick);
    quick->click();
    QTRY_COMPARE(reactions().size(), 1);
    QCOMPARE(reactions().constFirst(), (Reaction{thumbs, 1, true}));
    QVERIFY(await(bob->react(chat->id, news->id, u"🎉"_s)));
    QTRY_COMPARE(reactions().size(), 2);
    QCOMPARE(reactions().at(1), (Reaction{u"🎉"_s, 1, false}));

    // The chip's tooltip names who reacted: asked of the server on the first hover.
    const QModelIndex row = model->index(rowOf(model, news->id));
    QTRY_VERIFY(rowVisible(view, row.row()));
    const QRect party = view->messageDelegate()->chipRect(view, row, u"🎉"_s);
    QVERIFY(!party.isEmpty());
    tooltipAt(view, party.center());
    QTRY_COMPARE(model->reactors(row, u"🎉"_s), QStringList{u"Bob"_s});
    QCOMPARE(tooltipAt(view, party.center()), u"🎉 Bob"_s);

    // A click on my chip takes my reaction back; on the other one adds mine.
    const QRect mine = view->messageDelegate()->chipRect(view, row, thumbs);
    QVERIFY(!mine.isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, mine.center());
    QTRY_COMPARE(reactions().size(), 1);
    QCOMPARE(reactions().constFirst().emoji, u"🎉"_s);
    const QRect again =
        view->messageDelegate()->chipRect(view, model->index(rowOf(model, news->id)), u"🎉"_s);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, again.center());
    QTRY_COMPARE(reactions().constFirst(), (Reaction{u"🎉"_s, 2, true}));
    // Who reacted is asked again after the change.
    QTRY_COMPARE(model->reactors(model->index(rowOf(model, news->id)), u"🎉"_s).size(), 2);

    // Any other emoji through "More…" and the picker.
    menu = openMenu(view, model->index(rowOf(model, news->id)));
    QVERIFY(menu);
    QToolButton *more = menu->findChild<QToolButton *>(u"moreReactions"_s);
    QVERIFY(more);
    more->click();
    QWidget *picker = nullptr;
    QVERIFY(waitFor([&] {
        picker = view->findChild<QWidget *>(u"emojiPicker"_s);
        return picker && picker->isVisible();
    }));
    QToolButton *fire = nullptr;
    for (QToolButton *b : picker->findChildren<QToolButton *>()) {
        if (b->text() == u"🔥"_s)
            fire = b;
    }
    QVERIFY(fire);
    fire->click();
    QTRY_COMPARE(reactions().size(), 2);
    QCOMPARE(reactions().at(1), (Reaction{u"🔥"_s, 1, true}));
}

void TestDesktopMessages::linksOpenOnlyForAllowedSchemes()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    auto links =
        await(bob->sendMessage(chat->id,
                               u"docs: https://example.org/a?b=1. mail mailto:bob@example.org or "
                               "file:///etc/passwd javascript:alert(1) banter://evil/1/1 "
                               "banter://conversation/x/1 banter://conversation/1/1?a=b"_s));
    QVERIFY(links);
    UrlRecorder recorder;
    for (const QString &scheme : {u"https"_s, u"mailto"_s, u"file"_s, u"javascript"_s, u"banter"_s})
        QDesktopServices::setUrlHandler(scheme, &recorder, "open");
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    QTRY_VERIFY(rowOf(model, links->id) >= 0);
    const QModelIndex row = model->index(rowOf(model, links->id));
    QTRY_VERIFY(rowVisible(view, row.row()));
    MessageDelegate *delegate = view->messageDelegate();

    const QUrl web(u"https://example.org/a?b=1"_s); // without the full stop after it
    const QRect webAt = delegate->linkRect(view, row, web);
    QVERIFY(!webAt.isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, webAt.center());
    QTRY_COMPARE(recorder.opened, QList<QUrl>{web});
    const QUrl mail(u"mailto:bob@example.org"_s);
    const QRect mailAt = delegate->linkRect(view, row, mail);
    QVERIFY(!mailAt.isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, mailAt.center());
    QTRY_COMPARE(recorder.opened.size(), 2);
    QCOMPARE(recorder.opened.at(1), mail);
    // Other schemes are plain text: nothing to click, and never opened if asked.
    QVERIFY(delegate->linkRect(view, row, QUrl(u"file:///etc/passwd"_s)).isEmpty());
    QVERIFY(delegate->linkRect(view, row, QUrl(u"javascript:alert(1)"_s)).isEmpty());
    for (const QString &plain : {u"banter://evil/1/1"_s, u"banter://conversation/x/1"_s,
                                 u"banter://conversation/1/1?a=b"_s})
        QVERIFY2(delegate->linkRect(view, row, QUrl(plain)).isEmpty(), qPrintable(plain));
    QVERIFY(!MessageView::openLink(QUrl(u"file:///etc/passwd"_s)));
    QVERIFY(!MessageView::openLink(QUrl(u"javascript:alert(1)"_s)));
    QCOMPARE(recorder.opened.size(), 2);
    for (const QString &scheme : {u"https"_s, u"mailto"_s, u"file"_s, u"javascript"_s, u"banter"_s})
        QDesktopServices::unsetUrlHandler(scheme);

    // Copy text and Copy link from the menu.
    MessageMenu *menu = openMenu(view, row);
    QVERIFY(menu);
    menu->findChild<QAction *>(u"copyTextAction"_s)->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), links->content);
    menu->findChild<QAction *>(u"copyLinkAction"_s)->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             u"banter://conversation/%1/%2"_s.arg(chat->id).arg(links->seq));
    QVERIFY(closeMenu(view, menu));
}

// "Copy link to message" gives banter://conversation/<id>/<seq>; pasted into a message it is
// a link that jumps to that message (loading the page around it) inside Banter, never one the
// desktop opens. A link into a conversation I am not in says so and changes nothing.
void TestDesktopMessages::messageLinksJumpInsideBanter()
{
    DesktopFixture fixture(TestServer::unthrottledConfig());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Carol"_s);
    QVERIFY(alice && bob && carol);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    auto elsewhere = await(alice->createPrivate(carol->currentUser().id));
    QVERIFY(chat && elsewhere);
    auto target = await(alice->sendMessage(chat->id, u"the decision we took"_s));
    auto secret = await(alice->sendMessage(elsewhere->id, u"not for bob"_s));
    QVERIFY(target && secret);
    QVERIFY(fillConversation(*alice, chat->id, 150, 2));
    const QUrl toTarget = MessageView::messageLink(chat->id, target->seq);
    const QUrl toSecret = MessageView::messageLink(elsewhere->id, secret->seq);
    auto pointer = await(alice->sendMessage(
        chat->id, u"see %1 (and %2)."_s.arg(toTarget.toString(), toSecret.toString())));
    QVERIFY(pointer);
    QVERIFY(await(bob->markRead(chat->id, pointer->seq)));
    UrlRecorder recorder;
    QDesktopServices::setUrlHandler(u"banter"_s, &recorder, "open");

    MainWindow *window = fixture.showChat(*bob, *m_settings, chat->id);
    QVERIFY(window);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    QTRY_VERIFY(rowOf(model, pointer->id) >= 0);
    QCOMPARE(rowOf(model, target->id), -1); // far up, not loaded
    const QModelIndex row = model->index(rowOf(model, pointer->id));
    QTRY_VERIFY(rowVisible(view, row.row()));
    MessageDelegate *delegate = view->messageDelegate();
    const QRect targetAt = delegate->linkRect(view, row, toTarget);
    QVERIFY(!targetAt.isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, targetAt.center());
    QTRY_VERIFY(rowOf(model, target->id) >= 0);
    QTRY_COMPARE(delegate->highlighted(), target->id);
    QTRY_VERIFY(rowVisible(view, rowOf(model, target->id)));

    // Back down, the link into carol's conversation: a note, the chat stays open.
    QToolButton *latest = view->findChild<QToolButton *>(u"jumpToLatest"_s);
    QVERIFY(latest);
    QTRY_VERIFY(latest->isVisible());
    latest->click();
    QTRY_VERIFY(rowOf(model, pointer->id) >= 0);
    const QModelIndex again = model->index(rowOf(model, pointer->id));
    QTRY_VERIFY(rowVisible(view, again.row()));
    const QRect secretAt = delegate->linkRect(view, again, toSecret);
    QVERIFY(!secretAt.isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, secretAt.center());
    auto *note = view->findChild<QLabel *>(u"messageViewNote"_s);
    QVERIFY(note);
    QTRY_VERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"not in"_s), qPrintable(note->text()));
    QCOMPARE(model->conversationId(), chat->id);
    QCOMPARE(rowOf(model, secret->id), -1);
    QVERIFY(recorder.opened.isEmpty()); // never handed to the desktop

    // The same links from outside the window (the command line, or another start of Banter
    // handing one over): openMessageLink() jumps as a click does.
    QVERIFY(!window->openMessageLink(QUrl(u"https://example.org/"_s)));
    QVERIFY(!window->openMessageLink(QUrl(u"banter://192.0.2.1:7654/?fp=AB"_s)));
    latest->click();
    QTRY_VERIFY(rowOf(model, pointer->id) >= 0);
    QTRY_VERIFY(rowOf(model, target->id) < 0 || !rowVisible(view, rowOf(model, target->id)));
    QVERIFY(window->openMessageLink(toTarget));
    QTRY_VERIFY(rowOf(model, target->id) >= 0);
    QTRY_VERIFY(rowVisible(view, rowOf(model, target->id)));
    QTRY_COMPARE(delegate->highlighted(), target->id);
    note->hide();
    QVERIFY(window->openMessageLink(toSecret));
    QTRY_VERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"not in"_s), qPrintable(note->text()));
    QCOMPARE(model->conversationId(), chat->id);
    QVERIFY(recorder.opened.isEmpty());
    QDesktopServices::unsetUrlHandler(u"banter"_s);
}

// A link handed over while the window is still catching up (offline, or just started) into
// a conversation the list does not hold yet: not "you are not in it" too early, but the jump
// once the session has caught up.
void TestDesktopMessages::aLinkOpenedBeforeSyncWaitsForIt()
{
    DesktopFixture fixture(TestServer::unthrottledConfig());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    MainWindow *window = fixture.showWindow(*bob, *m_settings);
    QVERIFY(window);
    const QUrl server = bob->url();
    bob->disconnectFromServer();
    QTRY_COMPARE(bob->state(), ClientSession::State::Disconnected);

    // While bob is away alice starts a chat with him: his list has never seen it.
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    auto target = await(alice->sendMessage(chat->id, u"the plan, in one message"_s));
    QVERIFY(target);
    QVERIFY(fillConversation(*alice, chat->id, 40, 1));
    QVERIFY(!window->account().conversations()->conversation(chat->id));

    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    auto *note = view->findChild<QLabel *>(u"messageViewNote"_s);
    QVERIFY(note);
    QVERIFY(window->openMessageLink(MessageView::messageLink(chat->id, target->seq)));
    QVERIFY(model->conversationId() != chat->id);
    QVERIFY(!note->isVisible());

    bob->connectToServer(server);
    QTRY_VERIFY_WITH_TIMEOUT(bob->isReady(), 10'000);
    QTRY_COMPARE(model->conversationId(), chat->id);
    QTRY_VERIFY(rowOf(model, target->id) >= 0);
    QTRY_VERIFY(rowVisible(view, rowOf(model, target->id)));
    QTRY_COMPARE(view->messageDelegate()->highlighted(), target->id);
    QVERIFY(!note->isVisible() || !note->text().contains(u"not in"_s));

    // Once caught up, a link into a conversation bob is not in says so at once.
    auto elsewhere = await(alice->createGroup(u"Not for bob"_s, {}));
    QVERIFY(elsewhere);
    QVERIFY(window->openMessageLink(MessageView::messageLink(elsewhere->id, 1)));
    QTRY_VERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"not in"_s), qPrintable(note->text()));
    QCOMPARE(model->conversationId(), chat->id);
}

void TestDesktopMessages::mentionsAreMarkedMineMore()
{
    // Bob's window, later: its settings outlive the fixture.
    AppSettings bobSettings(m_dir.filePath(u"bob-admin.conf"_s));
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    ClientSession *carol = fixture.signUp(u"carol"_s, u"Carol"_s);
    QVERIFY(alice && bob && carol);
    auto group =
        await(bob->createGroup(u"Team"_s, {alice->currentUser().id, carol->currentUser().id}));
    QVERIFY(group);
    auto note = await(bob->sendMessage(group->id, u"@alice and @Carol: see bob@example.org"_s));
    QVERIFY(note);
    MainWindow *window = fixture.showChat(*alice, *m_settings, group->id);
    QVERIFY(window);
    MessageListModel *model = window->account().messages();
    QTRY_VERIFY(rowOf(model, note->id) >= 0);
    const QModelIndex row = model->index(rowOf(model, note->id));
    QVERIFY(row.data(MessageListModel::MentionsMeRole).toBool());
    const auto spans = row.data(MessageListModel::MentionSpansRole).value<QList<MentionSpan>>();
    QCOMPARE(spans.size(), 2); // the e-mail address is not a mention
    QCOMPARE(spans.at(0).start, 0);
    QCOMPARE(spans.at(0).length, 6);
    QVERIFY(spans.at(0).me);
    QCOMPARE(spans.at(1).start, 11);
    QCOMPARE(spans.at(1).length, 6);
    QVERIFY(!spans.at(1).me);

    // Deleting another member's message is for the group's admins: Bob made the group.
    QVERIFY(!row.data(MessageListModel::CanDeleteRole).toBool());
    auto aliceSays = await(alice->sendMessage(group->id, u"noted"_s));
    QVERIFY(aliceSays);
    QTRY_VERIFY(rowOf(model, aliceSays->id) >= 0);
    QVERIFY(
        model->index(rowOf(model, aliceSays->id)).data(MessageListModel::CanDeleteRole).toBool());
    MainWindow *bobWindow = fixture.showWindow(*bob, bobSettings);
    QVERIFY(bobWindow);
    QTRY_COMPARE(bobWindow->account().conversations()->rowCount(), 1);
    bobWindow->openConversation(group->id);
    MessageListModel *bobModel = bobWindow->account().messages();
    QTRY_VERIFY(rowOf(bobModel, aliceSays->id) >= 0);
    const QModelIndex asAdmin = bobModel->index(rowOf(bobModel, aliceSays->id));
    QVERIFY(asAdmin.data(MessageListModel::CanDeleteRole).toBool());
    QVERIFY(!asAdmin.data(MessageListModel::CanEditRole).toBool()); // editing stays the sender's
}

void TestDesktopMessages::jumpToLatestCountsNewMessages()
{
    DesktopFixture fixture(TestServer::unthrottledConfig());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    QVERIFY(fillConversation(*bob, chat->id, 120));
    QVERIFY(await(alice->markRead(chat->id, 120)));
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    QToolButton *latest = view->findChild<QToolButton *>(u"jumpToLatest"_s);
    QVERIFY(latest);
    QTRY_VERIFY(model->rowOfSeq(120) >= 0);
    QTRY_VERIFY(view->isAtBottom());
    QVERIFY(!latest->isVisible());

    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 3);
    QTRY_VERIFY(latest->isVisible());
    QCOMPARE(view->unseenCount(), 0);
    for (int i = 0; i < 3; ++i)
        QVERIFY(await(bob->sendMessage(chat->id, u"more %1"_s.arg(i))));
    QTRY_COMPARE(view->unseenCount(), 3);
    QVERIFY2(latest->text().contains(u'3'), qPrintable(latest->text()));
    QVERIFY(!view->isAtBottom());

    QTest::mouseClick(latest, Qt::LeftButton);
    QTRY_VERIFY(model->rowOfSeq(123) >= 0);
    QTRY_VERIFY(view->isAtBottom());
    QTRY_VERIFY(!latest->isVisible());
    QCOMPARE(view->unseenCount(), 0);
    // At the bottom, new messages are simply shown: nothing to count.
    QVERIFY(await(bob->sendMessage(chat->id, u"seen at once"_s)));
    QTRY_VERIFY(model->rowOfSeq(124) >= 0);
    QCOMPARE(view->unseenCount(), 0);
    QVERIFY(!latest->isVisible());
}

void TestDesktopMessages::opensAtFirstUnreadWithDivider()
{
    DesktopFixture fixture(TestServer::unthrottledConfig());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    QVERIFY(fillConversation(*bob, chat->id, 100));
    QVERIFY(await(alice->markRead(chat->id, 60)));
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    QTRY_COMPARE(model->firstUnreadSeq(), Seq(61));
    const int row = model->rowOfSeq(61);
    QVERIFY(row >= 0);
    QVERIFY(model->index(row).data(MessageListModel::FirstUnreadRole).toBool());
    QTRY_VERIFY(rowVisible(view, row));
    QTRY_VERIFY(view->visualRect(model->index(row)).top() <= 1); // at the top
    QVERIFY(!view->isAtBottom());
    QVERIFY(view->findChild<QToolButton *>(u"jumpToLatest"_s)->isVisible());
}

// Reply and Edit are the composer's: the view hands it the message.
void TestDesktopMessages::menuHandsReplyAndEditToTheComposer()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s, u"Alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s, u"Bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    auto mine = await(alice->sendMessage(chat->id, u"mine"_s));
    auto theirs = await(bob->sendMessage(chat->id, u"theirs"_s));
    QVERIFY(mine && theirs);
    MainWindow *window = fixture.showChat(*alice, *m_settings, chat->id);
    QVERIFY(window);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    QTRY_VERIFY(rowOf(model, theirs->id) >= 0 && rowOf(model, mine->id) >= 0);
    QSignalSpy replies(view, &MessageView::replyRequested);
    QSignalSpy edits(view, &MessageView::editRequested);

    MessageMenu *menu = openMenu(view, model->index(rowOf(model, theirs->id)));
    QVERIFY(menu);
    menu->findChild<QAction *>(u"replyAction"_s)->trigger();
    QCOMPARE(replies.size(), 1);
    QCOMPARE(replies.first().first().value<Message>().id, theirs->id);
    QVERIFY(closeMenu(view, menu));
    auto *composer = window->findChild<Composer *>();
    QVERIFY(composer);
    QCOMPARE(composer->mode(), Composer::Mode::Replying); // MainWindow hands it on
    QCOMPARE(composer->target().id, theirs->id);

    menu = openMenu(view, model->index(rowOf(model, mine->id)));
    QVERIFY(menu);
    QAction *edit = menu->findChild<QAction *>(u"editAction"_s);
    QVERIFY(edit);
    QVERIFY(menu->findChild<QAction *>(u"deleteAction"_s));
    edit->trigger();
    QCOMPARE(edits.size(), 1);
    QCOMPARE(edits.first().first().value<Message>().content, u"mine"_s);
    QVERIFY(closeMenu(view, menu));
    QCOMPARE(composer->mode(), Composer::Mode::Editing);
    QCOMPARE(composer->toPlainText(), u"mine"_s);
    composer->cancel();

    // The "⋯" button of the row under the mouse opens the same menu.
    const QModelIndex theirsRow = model->index(rowOf(model, theirs->id));
    QTRY_VERIFY(rowVisible(view, theirsRow.row()));
    QTest::mouseMove(view->viewport(), view->visualRect(theirsRow).center());
    QTRY_COMPARE(view->messageDelegate()->hovered(), theirsRow);
    const QRect button = view->messageDelegate()->menuButtonRect(view, theirsRow);
    QVERIFY(!button.isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, button.center());
    menu = nullptr;
    QVERIFY(waitFor([&] {
        for (MessageMenu *m : view->findChildren<MessageMenu *>(u"messageMenu"_s)) {
            if (m->isVisible())
                menu = m;
        }
        return menu != nullptr;
    }));

    // "Select text": a selectable copy of the text over the bubble, all of it selected; Esc
    // puts the bubble back.
    menu->findChild<QAction *>(u"selectTextAction"_s)->trigger();
    QVERIFY(closeMenu(view, menu));
    auto *selector = view->findChild<QPlainTextEdit *>(u"messageTextSelector"_s);
    QVERIFY(selector);
    QVERIFY(selector->isVisible());
    QVERIFY(selector->isReadOnly());
    QCOMPARE(selector->textCursor().selectedText(), u"theirs"_s);
    QPointer<QPlainTextEdit> watched(selector);
    QTest::keyClick(selector, Qt::Key_Escape);
    QTRY_VERIFY(watched.isNull() || !watched->isVisible());

    // A right-click on the bubble opens the same menu, for the message under the mouse.
    const QPoint at = view->visualRect(theirsRow).center();
    QContextMenuEvent rightClick(QContextMenuEvent::Mouse, at, view->viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(view->viewport(), &rightClick);
    menu = nullptr;
    QVERIFY(waitFor([&] {
        for (MessageMenu *m : view->findChildren<MessageMenu *>(u"messageMenu"_s)) {
            if (m->isVisible())
                menu = m;
        }
        return menu != nullptr;
    }));
    QVERIFY(menu->findChild<QAction *>(u"replyAction"_s));
    QVERIFY(!menu->findChild<QAction *>(u"editAction"_s)); // theirs: no Edit
    menu->findChild<QAction *>(u"replyAction"_s)->trigger();
    QCOMPARE(replies.size(), 2);
    QCOMPARE(replies.last().first().value<Message>().id, theirs->id);
    QVERIFY(closeMenu(view, menu));
}

QTEST_MAIN(TestDesktopMessages)
#include "tst_desktopmessages.moc"
