// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The message view with the real widgets, offscreen, against a real banterd: where a
// conversation opens (newest message, or the first unread with its divider), the view kept
// in place on arrival and resize, older pages loading continuously as one scrolls up (also
// with the keys from the composer), the model's window bounded while scrolling through a long
// history, a quiet and cheap catch-up (no notification, a bounded number of tray icons
// drawn), and the cost of a resize step with 20,000 rows.
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/conversationlistmodel.h"
#include "core/messagelistmodel.h"
#include "core/notifier.h"
#include "desktopfixture.h"
#include "sessionhelpers.h"
#include "testpaths.h"
#include "ui/composer.h"
#include "ui/mainwindow.h"
#include "ui/messagedelegate.h"
#include "ui/messageview.h"
#include "ui/trayicon.h"
#include "waiting.h"
#include <banter/client/clientsession.h>

#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
MessageView *viewOf(MainWindow *window)
{
    return window->findChild<MessageView *>(u"messageView"_s);
}

bool atBottom(MessageView *view)
{
    const QScrollBar *bar = view->verticalScrollBar();
    return bar->value() == bar->maximum();
}

// The last row is on screen.
bool newestVisible(MessageView *view)
{
    const QModelIndex last = view->model()->index(view->model()->rowCount() - 1, 0);
    return last.isValid() && view->viewport()->rect().intersects(view->visualRect(last));
}

// The stored rows are one run of consecutive seqs.
bool contiguous(const MessageListModel &model)
{
    for (int row = 1; row < model.storedCount(); ++row) {
        if (model.index(row).data(MessageListModel::SeqRole).toLongLong()
            != model.index(row - 1).data(MessageListModel::SeqRole).toLongLong() + 1)
            return false;
    }
    return true;
}
} // namespace

class TestMessageView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensAtNewest();
    void opensAtFirstUnreadWithDivider();
    void staysAnchoredOnArrivalAndResize();
    void scrollingUpLoadsOlderPagesContinuously();
    void windowStaysBoundedThroughALongHistory();
    void catchUpIsQuietAndCheap();
    void resizeWithManyRowsIsCheap();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
};

void TestMessageView::initTestCase()
{
    Banter::Test::useCleanTestPaths(); // settings, drafts and the file cache in test places
    QVERIFY(m_dir.isValid());
}

void TestMessageView::init()
{
    static int n = 0;
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(u"settings-%1.conf"_s.arg(++n)));
}

void TestMessageView::cleanup()
{
    m_settings.reset();
}

void TestMessageView::opensAtNewest()
{
    DesktopFixture fixture(TestServer::unthrottledConfig());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    QVERIFY(fillConversation(*alice, chat->id, 200));
    QVERIFY(await(bob->markRead(chat->id, 200)));
    MainWindow *window = fixture.showWindow(*bob, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    window->openConversation(chat->id);
    MessageView *view = viewOf(window);
    QTRY_COMPARE(window->account().messages()->newestSeq(), 200);
    QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0);
    QTRY_VERIFY(atBottom(view) && newestVisible(view));
    QVERIFY(view->isAtBottom());
    QCOMPARE(window->account().messages()->firstUnreadSeq(), 0); // all read: no divider
}

void TestMessageView::opensAtFirstUnreadWithDivider()
{
    DesktopFixture fixture(TestServer::unthrottledConfig());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    QVERIFY(fillConversation(*alice, chat->id, 200));
    QVERIFY(await(bob->markRead(chat->id, 160)));
    MainWindow *window = fixture.showWindow(*bob, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    QTRY_COMPARE(window->account().conversations()->totalUnread(), 40);
    window->openConversation(chat->id);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    QTRY_COMPARE(model->firstUnreadSeq(), 161);
    const QModelIndex first = model->index(model->rowOfSeq(161));
    QVERIFY(first.data(MessageListModel::FirstUnreadRole).toBool());
    QCOMPARE(first.data(MessageListModel::ContentRole).toString(), u"m161"_s);
    // The divider's row is the top one on screen, the newest messages below the fold.
    QTRY_COMPARE(view->indexAt(QPoint(view->viewport()->width() / 2, 2)), first);
    QVERIFY(!atBottom(view));
    QVERIFY(!newestVisible(view));
    // The divider takes room above the bubble.
    QVERIFY(view->visualRect(first).height()
            > view->visualRect(model->index(first.row() + 1)).height());
}

void TestMessageView::staysAnchoredOnArrivalAndResize()
{
    DesktopFixture fixture(TestServer::unthrottledConfig());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    QVERIFY(fillConversation(*alice, chat->id, 120));
    QVERIFY(await(bob->markRead(chat->id, 120)));
    MainWindow *window = fixture.showWindow(*bob, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    window->openConversation(chat->id);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    QTRY_VERIFY(atBottom(view) && newestVisible(view) && view->verticalScrollBar()->maximum() > 0);

    // At the bottom: arrivals and resizes keep it there.
    QVERIFY(await(alice->sendMessage(chat->id, u"newest"_s)));
    QTRY_COMPARE(model->newestSeq(), 121);
    QTRY_VERIFY(atBottom(view) && newestVisible(view));
    window->resize(700, 420);
    QTRY_VERIFY(atBottom(view) && newestVisible(view));
    window->resize(1100, 700);
    QTRY_VERIFY(atBottom(view) && newestVisible(view));

    // Elsewhere: the row being read stays where it is.
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
    QVERIFY(!view->isAtBottom());
    const QPersistentModelIndex reading = view->indexAt(QPoint(view->viewport()->width() / 2, 1));
    QVERIFY(reading.isValid());
    const int top = view->visualRect(reading).top();
    QVERIFY(await(alice->sendMessage(chat->id, u"while reading"_s)));
    QTRY_COMPARE(model->newestSeq(), 122);
    QTest::qWait(0); // let the view lay out the new row (no fixed sleep: one event pass)
    QCOMPARE(view->visualRect(reading).top(), top);
    QVERIFY(!atBottom(view));
    window->resize(640, 500); // narrower: bubbles wrap, rows above grow
    QTRY_COMPARE(view->visualRect(reading).top(), top);
    window->resize(1200, 700);
    QTRY_COMPARE(view->visualRect(reading).top(), top);

    // Sending jumps to the newest.
    QTest::keyClicks(window->findChild<Composer *>(u"composer"_s), u"mine"_s);
    QTest::keyClick(window->findChild<Composer *>(u"composer"_s), Qt::Key_Return);
    QTRY_COMPARE(model->newestSeq(), 123);
    QTRY_VERIFY(atBottom(view) && newestVisible(view));
}

void TestMessageView::scrollingUpLoadsOlderPagesContinuously()
{
    DesktopFixture fixture(TestServer::unthrottledConfig());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    QVERIFY(fillConversation(*alice, chat->id, 400));
    QVERIFY(await(bob->markRead(chat->id, 400)));
    MainWindow *window = fixture.showWindow(*bob, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    window->openConversation(chat->id);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    auto *composer = window->findChild<Composer *>(u"composer"_s);
    QTRY_VERIFY(atBottom(view) && model->newestSeq() == 400 && !model->isLoading());
    QVERIFY(composer->hasFocus() || (composer->setFocus(), true));

    // PageUp from the composer, again and again: older pages come in above, in order, and the
    // row on top stays put while they do; it never stops at the top of what is loaded.
    int presses = 0;
    while (model->oldestSeq() > 1 || view->verticalScrollBar()->value() > 0) {
        QVERIFY2(++presses < 400, "stuck while scrolling up");
        const QPersistentModelIndex reading =
            view->indexAt(QPoint(view->viewport()->width() / 2, 1));
        const Seq readingSeq = reading.data(MessageListModel::SeqRole).toLongLong();
        const Seq oldest = model->oldestSeq();
        QTest::keyClick(composer, Qt::Key_PageUp);
        const int topAfterKey =
            view->visualRect(view->indexAt(QPoint(view->viewport()->width() / 2, 1))).top();
        const QPersistentModelIndex shown = view->indexAt(QPoint(view->viewport()->width() / 2, 1));
        QVERIFY(waitFor([&] { return !model->isLoading(); }));
        QTest::qWait(0);
        if (model->oldestSeq() < oldest) {
            // The page went in above: what was on top is still on top, at the same place.
            QVERIFY(contiguous(*model));
            QCOMPARE(view->visualRect(shown).top(), topAfterKey);
        }
        QVERIFY(readingSeq >= model->oldestSeq());
    }
    QCOMPARE(model->oldestSeq(), 1);
    QVERIFY(!model->hasOlder());
    QCOMPARE(model->index(0).data(MessageListModel::ContentRole).toString(), u"m1"_s);
    // Ctrl+End from the list goes back to the newest; Ctrl+Home and Home work there too.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QTRY_VERIFY(atBottom(view) && newestVisible(view));
    QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
    QTRY_VERIFY(view->verticalScrollBar()->value() < view->verticalScrollBar()->maximum());
    QTest::keyClick(view, Qt::Key_End);
    QTRY_VERIFY(atBottom(view));
    QTest::keyClick(view, Qt::Key_Home);
    QTRY_VERIFY(!atBottom(view));
    // Home in a composer with text moves the cursor, not the view.
    QTest::keyClick(view, Qt::Key_End);
    QTRY_VERIFY(atBottom(view));
    QTest::keyClicks(composer, u"draft"_s);
    QTest::keyClick(composer, Qt::Key_Home);
    QVERIFY(atBottom(view));
    QCOMPARE(composer->textCursor().position(), 0);
}

void TestMessageView::windowStaysBoundedThroughALongHistory()
{
    DesktopFixture fixture(TestServer::unthrottledConfig());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    constexpr int Total = 20'000; // over thirty windows of 600
    QElapsedTimer filling;
    filling.start();
    QVERIFY(fillConversation(*alice, chat->id, Total));
    qInfo("filled %d messages over the wire in %lld ms", Total, filling.elapsed());
    QVERIFY(await(bob->markRead(chat->id, Total)));
    MainWindow *window = fixture.showWindow(*bob, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    window->openConversation(chat->id);
    MessageListModel *model = window->account().messages();
    MessageView *view = viewOf(window);
    QTRY_VERIFY(model->newestSeq() == Total && !model->isLoading());
    int maxRows = 0;
    Seq previousOldest = model->oldestSeq();
    while (model->oldestSeq() > 1) {
        view->verticalScrollBar()->setValue(0); // a fling to the top of what is loaded
        QVERIFY2(waitFor([&] { return model->oldestSeq() < previousOldest; }),
                 qPrintable(u"stuck at %1 (%2 rows, value %3)"_s.arg(model->oldestSeq())
                                .arg(model->rowCount())
                                .arg(view->verticalScrollBar()->value())));
        QVERIFY(waitFor([&] { return !model->isLoading(); }));
        // Laid out with the page above: the row that was on top is still there, so the view
        // is no longer at the top.
        QVERIFY(waitFor([&] { return view->verticalScrollBar()->value() > 0; }));
        previousOldest = model->oldestSeq();
        maxRows = qMax(maxRows, model->rowCount());
        QVERIFY(contiguous(*model));
    }
    QVERIFY(maxRows <= model->windowLimit());
    QVERIFY(model->hasNewer());
    QCOMPARE(model->index(0).data(MessageListModel::ContentRole).toString(), u"m1"_s);
    // And down again to the newest, every message on the way.
    Seq previousNewest = model->newestSeq();
    while (model->hasNewer()) {
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
        QVERIFY(waitFor([&] { return model->newestSeq() > previousNewest; }));
        QVERIFY(waitFor([&] { return !model->isLoading(); }));
        QVERIFY(waitFor([&] {
            return view->verticalScrollBar()->value() < view->verticalScrollBar()->maximum()
                || !model->hasNewer();
        }));
        previousNewest = model->newestSeq();
        maxRows = qMax(maxRows, model->rowCount());
        QVERIFY(contiguous(*model));
    }
    QCOMPARE(model->newestSeq(), Total);
    QVERIFY(maxRows <= model->windowLimit());
}

// A night's worth of messages caught up by sync: not one notification, and the tray icon
// drawn a bounded number of times (each badge value at most once, the count coalesced).
void TestMessageView::catchUpIsQuietAndCheap()
{
    DesktopFixture fixture(TestServer::unthrottledConfig());
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(bob->createPrivate(alice->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    QSignalSpy notified(window->account().notifier(), &Notifier::notificationRequested);
    QSignalSpy summarised(window->account().notifier(), &Notifier::summaryRequested);
    QSignalSpy unreadSignals(window->account().conversations(),
                             &ConversationListModel::totalUnreadChanged);

    alice->disconnectFromServer();
    QTRY_COMPARE(alice->state(), ClientSession::State::Disconnected);
    constexpr int Missed = 5000;
    QVERIFY(fillConversation(*bob, chat->id, Missed));
    const int rendersBefore = TrayIcon::renderCount();
    QElapsedTimer catchUp;
    catchUp.start();
    alice->connectToServer(fixture.server().url());
    QTRY_VERIFY_WITH_TIMEOUT(alice->isReady(), 60'000);
    QTRY_COMPARE_WITH_TIMEOUT(window->account().conversations()->totalUnread(), Missed, 30'000);
    auto *tray = window->findChild<TrayIcon *>(u"trayIcon"_s);
    QTRY_COMPARE(tray->unread(), Missed);
    const qint64 elapsed = catchUp.elapsed();
    const int renders = TrayIcon::renderCount() - rendersBefore;
    qInfo("catch-up of %d messages: %lld ms, %d icons drawn, %lld unread updates", Missed, elapsed,
          renders, qint64(unreadSignals.count()));
    QCOMPARE(notified.count(), 0);
    QCOMPARE(summarised.count(), 0);
    // Every distinct badge ("1"…"99", "99+") at most once, and the count at most a few times
    // a second.
    QVERIFY(renders <= 100);
    QVERIFY(unreadSignals.count() <= 2 + elapsed / ConversationListModel::UnreadInterval.count());

    // The same notifier does notify a live message: the silence above was the catch-up's.
    QVERIFY(await(bob->sendMessage(chat->id, u"live"_s)));
    QTRY_COMPARE(notified.count(), 1);
    QCOMPARE(notified.first().first().value<Message>().content, u"live"_s);
    // A burst after it is summarised, once.
    QVERIFY(fillConversation(*bob, chat->id, 5, 9000));
    QTRY_COMPARE(summarised.count(), 1);
    QCOMPARE(summarised.first().at(0).toInt(), 5);
    QCOMPARE(summarised.first().at(1).toInt(), 1);
    QCOMPARE(notified.count(), 1);
    QCOMPARE(Notifier::summaryText(12, 3), u"12 new messages in 3 chats"_s);
}

// A resize step with 20,000 rows: the delegate lays out again only what wraps. "Cold" clears
// the size cache before each step (what every step cost before the cache).
void TestMessageView::resizeWithManyRowsIsCheap()
{
    QStandardItemModel model;
    constexpr int Rows = 20'000;
    for (int i = 0; i < Rows; ++i) {
        auto *item = new QStandardItem;
        item->setData(u"id-%1"_s.arg(i), MessageListModel::IdRole);
        item->setData(i % 7 == 0 ? u"a longer message that will wrap once the window gets narrow "
                                   u"enough, as chat messages do now and then (%1)"_s.arg(i)
                                 : u"short message %1"_s.arg(i),
                      MessageListModel::ContentRole);
        item->setData(int(MessageType::Text), MessageListModel::TypeRole);
        item->setData(i % 3 == 0, MessageListModel::MineRole);
        item->setData(qint64(1'700'000'000'000) + i * 60'000, MessageListModel::TimeRole);
        item->setData(i % 500 == 0, MessageListModel::NewDayRole);
        item->setData(i % 4 != 0, MessageListModel::ContinuationRole);
        model.appendRow(item);
    }
    QListView view;
    auto *delegate = new MessageDelegate(&view);
    view.setItemDelegate(delegate);
    view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view.setWordWrap(true);
    view.setModel(&model);
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto step = [&](int width, bool cold) {
        if (cold)
            delegate->forgetAll();
        QElapsedTimer timer;
        timer.start();
        view.resize(width, 600);
        QCoreApplication::sendPostedEvents();
        view.doItemsLayout();
        view.viewport()->repaint();
        return timer.elapsed();
    };
    step(820, false); // warm the cache
    qint64 cold = 0;
    qint64 warm = 0;
    int layouts = 0;
    for (int i = 0; i < 5; ++i) {
        cold += step(780 - i * 10, true);
        const int before = delegate->layoutCount();
        warm += step(760 - i * 10, false);
        layouts = qMax(layouts, delegate->layoutCount() - before);
    }
    qInfo("resize step with %d rows: %lld ms laying out every row, %lld ms with the size "
          "cache (%d rows laid out again)",
          Rows, cold / 5, warm / 5, layouts);
    // Only the wrapping messages (one in seven) are laid out again.
    QVERIFY(layouts <= Rows / 7 + Rows / 100);
}

QTEST_MAIN(TestMessageView)
#include "tst_messageview.moc"
