// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientrun.h"

#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/conversationlistmodel.h"
#include "core/messagelistmodel.h"
#include "stallmeter.h"
#include "ui/certificateguard.h"
#include "ui/mainwindow.h"
#include "wireclient.h"
#include <banter/client/certificatepin.h>
#include <banter/client/clientsession.h>

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QTimer>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Banter;
using namespace Banter::Desktop;

namespace {

// One JSON line per figure, flushed at once: the parent keeps whatever was printed before a
// time limit stopped this process.
class Reporter
{
public:
    explicit Reporter(QString phase)
        : m_phase(std::move(phase))
    { }
    void value(const QString &key, const QJsonValue &value) const
    {
        const QJsonObject line{{u"phase"_s, m_phase}, {u"key"_s, key}, {u"value"_s, value}};
        std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
    }

private:
    QString m_phase;
};

qint64 statusKiB(const QByteArray &field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

// The remembered account: who and the tokens, kept current as they rotate (as main.cpp does
// with AccountStore, which needs a keyring the benchmark does without).
class TokenFile
{
public:
    struct Account
    {
        QString access;
        QString refresh;
        UserId user = 0;
        QString username;
    };
    explicit TokenFile(const QString &dir)
        : m_path(QDir(dir).filePath(u"account.json"_s))
    { }
    void save(const Account &a) const
    {
        QFile file(m_path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(QJsonDocument(QJsonObject{{u"access"_s, a.access},
                                                 {u"refresh"_s, a.refresh},
                                                 {u"user"_s, a.user},
                                                 {u"username"_s, a.username}})
                           .toJson());
    }
    Account load() const
    {
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        return {o[u"access"_s].toString(), o[u"refresh"_s].toString(),
                UserId(o[u"user"_s].toDouble()), o[u"username"_s].toString()};
    }

private:
    QString m_path;
};

#if BANTER_BENCH_CLIENT_CACHE
// Start with the remembered account the way client-desktop/app/main.cpp does: keep in step
// with it. The account's cache is opened before the session connects, and the window is
// shown at once, whether or not the server answers.
void resumeLikeTheApp(ClientSession &session, std::optional<AccountContext> &context,
                      const QUrl &url, const TokenFile::Account &account)
{
    context->openCacheInBackground(url, User{account.user, account.username, {}, 0},
                                   [&session, url, account] {
                                       session.setTokens(account.access, account.refresh);
                                       session.connectToServer(url);
                                   });
}
#else
// Start with the remembered account the way client-desktop/app/main.cpp does (resume()): keep
// in step with it, since that is what the user waits through before the window appears.
void resumeLikeTheApp(ClientSession &session, std::optional<AccountContext> &, const QUrl &url,
                      const TokenFile::Account &account)
{
    session.setTokens(account.access, account.refresh);
    QEventLoop loop;
    QObject::connect(
        &session, &ClientSession::stateChanged, &loop, [&](ClientSession::State state) {
            if (state == ClientSession::State::Ready || state == ClientSession::State::Connected)
                loop.quit();
        });
    QObject::connect(&session, &ClientSession::certificateRefused, &loop, &QEventLoop::quit);
    QTimer::singleShot(std::chrono::seconds(10), &loop, &QEventLoop::quit);
    session.connectToServer(url);
    loop.exec();
}
#endif

// The conversation is on screen: its rows are there and no page is on its way. (A client may
// open a conversation at its first unread message rather than at its newest.)
bool conversationShown(const QListView *view, qint64 id)
{
    const auto *model = qobject_cast<const MessageListModel *>(view->model());
    return model->conversationId() == id && model->rowCount() > 0 && !model->isLoading();
}

Seq newestShown(const QListView *view)
{
    const QAbstractItemModel *model = view->model();
    for (int row = model->rowCount() - 1; row >= 0 && row >= model->rowCount() - 8; --row) {
        const Seq seq = model->index(row, 0).data(MessageListModel::SeqRole).toLongLong();
        if (seq > 0)
            return seq;
    }
    return 0;
}

struct ScrollResult
{
    qint64 ms = 0; // wall time, including the pauses between steps
    double busyMs = 0; // the steps themselves: scrolling, loading, laying out
    int steps = 0;
    int nudges = 0; // at the top already: the wheel turned again to ask for more
    double longestStepMs = 0;
    bool reachedStart = false;
    qint64 missing = 0; // seqs between the oldest reached and the newest never shown
    qint64 outOfOrder = 0; // a seq shown twice, or out of order, in one view of the model
    Seq oldest = 0;
};

// Pages up to the conversation's first message as a user paging up would, looking at the
// rows after every step: every seq must be seen, none twice.
ScrollResult scrollToStart(QListView *view, Seq newest, int intervalMs,
                           const QDeadlineTimer &deadline)
{
    ScrollResult r;
    auto *model = qobject_cast<MessageListModel *>(view->model());
    QScrollBar *bar = view->verticalScrollBar();
    QSet<Seq> seen;
    Seq oldest = newest + 1;
    auto look = [&] {
        Seq previous = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const Seq seq = model->index(row, 0).data(MessageListModel::SeqRole).toLongLong();
            if (seq <= 0)
                continue; // pending or upload rows
            if (seq <= previous)
                ++r.outOfOrder;
            previous = seq;
            seen.insert(seq);
            oldest = qMin(oldest, seq);
        }
    };
    QElapsedTimer clock;
    clock.start();
    const int maxSteps = int(newest / 5) + 100;
    int idleNudges = 0; // nudges in a row that loaded nothing
    while (!deadline.hasExpired() && r.steps < maxSteps) {
        look();
        // The first message of every conversation is the system message that made it (seq 1).
        if (oldest <= 1) {
            r.reachedStart = true;
            break;
        }
        if (idleNudges >= 3)
            break; // the model offers nothing older: the rest is unreachable
        // A brisk reader, not a machine: one page step per interval at most (the server also
        // limits each connection's request rate).
        if (r.steps > 0)
            spinUntil([&] { return clock.elapsed() >= qint64(r.steps) * intervalMs; },
                      qMax<qint64>(1, deadline.remainingTime()));
        QElapsedTimer step;
        step.start();
        const int before = bar->value();
        const int rows = model->rowCount();
        bar->triggerAction(QAbstractSlider::SliderPageStepSub);
        if (before == 0 && bar->value() == 0 && !model->isLoading()) {
            // At the top already: the user turns the wheel again, which asks for more.
            ++r.nudges;
            bar->setValue(1);
            bar->setValue(0);
            idleNudges = model->isLoading() || model->rowCount() != rows ? 0 : idleNudges + 1;
        } else {
            idleNudges = 0;
        }
        spinUntil([&] { return !model->isLoading(); }, qMax<qint64>(1, deadline.remainingTime()));
        QCoreApplication::processEvents(); // let the view lay out what arrived
        const double stepMs = double(step.nsecsElapsed()) / 1e6;
        r.longestStepMs = qMax(r.longestStepMs, stepMs);
        r.busyMs += stepMs;
        ++r.steps;
    }
    look();
    if (!r.reachedStart)
        std::fprintf(stderr, "paging stopped at seq %lld, loading %d\n", oldest,
                     model->isLoading());
    r.ms = clock.elapsed();
    r.oldest = oldest;
    Seq top = 0;
    for (Seq s : std::as_const(seen))
        top = qMax(top, s);
    for (Seq s = oldest; s <= top; ++s)
        r.missing += seen.contains(s) ? 0 : 1;
    return r;
}

QJsonObject toJson(const ScrollResult &r)
{
    return {{u"ms"_s, r.ms},
            {u"busy_ms"_s, r.busyMs},
            {u"steps"_s, r.steps},
            {u"nudges"_s, r.nudges},
            {u"longest_step_ms"_s, r.longestStepMs},
            {u"reached_start"_s, r.reachedStart},
            {u"oldest_seq"_s, r.oldest},
            {u"missing"_s, r.missing},
            {u"out_of_order"_s, r.outOfOrder}};
}

QString phaseName(ClientPlan::Phase phase)
{
    switch (phase) {
    case ClientPlan::Phase::Cold:
        return u"cold"_s;
    case ClientPlan::Phase::Warm:
        return u"warm"_s;
    case ClientPlan::Phase::Offline:
        return u"offline"_s;
    case ClientPlan::Phase::CatchUp:
        return u"week_offline"_s;
    }
    return {};
}

} // namespace

int runClient(const ClientPlan &plan, const QElapsedTimer &sinceStart)
{
    const Reporter out(phaseName(plan.phase));
    const QDeadlineTimer deadline(plan.timeoutMs);
    const auto left = [&] { return qMax<qint64>(1, deadline.remainingTime()); };
    const auto since = [&] { return sinceStart.elapsed(); };
    bool ok = true;
    const auto failed = [&](const QString &why) {
        out.value(u"failed"_s, why);
        ok = false;
    };
    QHash<qint64, qint64> expected;
    for (const auto &[id, seq] : plan.lastSeqs)
        expected.insert(id, seq);

    StallMeter stalls;
    stalls.start();
    AppSettings settings(QDir(plan.stateDir).filePath(u"banter.ini"_s));
    ClientSession session;
    ClientSession::Options options;
    options.clientName = u"banter-desktop"_s;
    session.setOptions(options);
    const TokenFile tokens(plan.stateDir);
    TokenFile::Account remembered = tokens.load();
    QObject::connect(&session, &ClientSession::tokensChanged, &session,
                     [&](const QString &access, const QString &refresh) {
                         if (refresh.isEmpty())
                             return;
                         remembered.access = access;
                         remembered.refresh = refresh;
                         tokens.save(remembered);
                     });
    if (!plan.pinnedSha256.isEmpty())
        settings.setPinnedCertificate(CertificatePin::serverKey(plan.url), plan.pinnedSha256);
    CertificateGuard certificates(session, settings);
    QObject::connect(&session, &ClientSession::errorOccurred, &session, [](const Error &error) {
        std::fprintf(stderr, "session error: %s\n", qPrintable(error.message));
    });

    // The account's models, made when the application makes them: with the on-disk cache
    // before signing in (the context opens the cache), without it after.
    std::optional<AccountContext> account;
#if BANTER_BENCH_CLIENT_CACHE
    account.emplace(session, settings);
    account->enableCache();
#endif
    if (plan.phase == ClientPlan::Phase::Cold) {
        session.connectToServer(plan.url);
        if (!spinUntil([&] { return session.state() == ClientSession::State::Connected; },
                       qMin<qint64>(left(), 30'000))) {
            failed(u"not connected"_s);
            return 2;
        }
        auto grant = session.login(plan.user, plan.password, u"clientbench"_s);
        spinUntil([&] { return grant.isFinished(); }, left());
        if (!grant.isFinished() || !grant.result()) {
            failed(u"sign-in failed"_s);
            return 2;
        }
        remembered = {session.accessToken(), session.refreshToken(), session.currentUser().id,
                      session.currentUser().username};
        tokens.save(remembered);
        out.value(u"signed_in_ms"_s, since());
    } else {
        if (remembered.refresh.isEmpty()) {
            failed(u"no remembered account"_s);
            return 2;
        }
        resumeLikeTheApp(session, account, plan.url, remembered);
        if (session.state() == ClientSession::State::Connected) {
            failed(u"the remembered tokens were refused"_s);
            return 2;
        }
    }

    if (!account)
        account.emplace(session, settings);
    MainWindow window(*account);
    window.show();
    out.value(u"window_ms"_s, since());
    auto *list = window.findChild<QListView *>(u"conversationView"_s);
    auto *messages = window.findChild<QListView *>(u"messageView"_s);
    auto *composer = window.findChild<QPlainTextEdit *>(u"composer"_s);
    auto *sendButton = window.findChild<QPushButton *>(u"sendButton"_s);
    if (!list || !messages || !composer || !sendButton) {
        failed(u"the window lacks a widget the benchmark drives"_s);
        return 2;
    }

    // The conversation list: all of it with the server up; whatever is kept without it.
    const bool serverUp = plan.phase != ClientPlan::Phase::Offline;
    const int wanted = serverUp ? int(plan.lastSeqs.size()) : 1;
    const qint64 listLimit = serverUp ? left() : qMin<qint64>(left(), 15'000);
    if (spinUntil([&] { return list->model()->rowCount() >= wanted; }, listLimit)) {
        list->viewport()->repaint();
        out.value(u"list_shown_ms"_s, since());
    } else if (serverUp) {
        out.value(u"list_rows"_s, list->model()->rowCount());
        failed(u"conversation list not shown within %1 ms"_s.arg(listLimit));
    } else {
        // Reported, not failed: a client that keeps nothing on disk shows nothing offline.
        out.value(u"cached_content"_s, false);
    }

    // The newest messages of the conversation at the top of the list.
    if (list->model()->rowCount() > 0) {
        const QModelIndex top = list->model()->index(0, 0);
        const qint64 id = top.data(ConversationListModel::IdRole).toLongLong();
        const Seq newest =
            expected.value(id, top.data(ConversationListModel::LastSeqRole).toLongLong());
        list->setCurrentIndex(top);
        if (spinUntil([&] { return conversationShown(messages, id); },
                      serverUp ? left() : qMin<qint64>(left(), 5000))) {
            messages->viewport()->repaint();
            out.value(u"messages_shown_ms"_s, since());
            // Everything filled was read, so the newest messages are the ones to show (after
            // the week away, a client may rightly open at the first unread one instead).
            const bool wantNewest = plan.phase != ClientPlan::Phase::CatchUp;
            const bool newestThere =
                spinUntil([&] { return !wantNewest || newestShown(messages) >= newest; },
                          serverUp ? left() : qMin<qint64>(left(), 5000));
            if (!newestThere)
                failed(u"newest message (seq %1) not shown; newest shown %2"_s.arg(newest).arg(
                    newestShown(messages)));
            else if (wantNewest)
                out.value(u"newest_shown_ms"_s, since());
        } else {
            failed(u"conversation %1 not shown"_s.arg(id));
        }
    }

    // Sending works: typed, sent, acknowledged by the server.
    if (plan.phase == ClientPlan::Phase::Cold && ok) {
        const QString text = u"clientbench %1"_s.arg(since());
        bool acked = false;
        QObject::connect(&session, &ClientSession::messageAcked, &window,
                         [&](const Message &m) { acked = acked || m.content == text; });
        composer->setPlainText(text);
        sendButton->click();
        if (spinUntil([&] { return acked; }, left())) {
            out.value(u"sent_acked_ms"_s, since());
            out.value(u"usable_ms"_s, since());
        } else {
            failed(u"sent message not acknowledged"_s);
        }
    }

    if (serverUp) {
        if (spinUntil([&] { return session.state() == ClientSession::State::Ready; }, left()))
            out.value(u"caught_up_ms"_s, since());
        else
            failed(u"not caught up"_s);
        stalls.stop();
        out.value(u"max_stall_ms_until_caught_up"_s, stalls.maxMs());
    }
    if (plan.phase == ClientPlan::Phase::CatchUp && ok) {
        // Caught up means every conversation's newest message is known.
        const auto current = [&] {
            for (int row = 0; row < list->model()->rowCount(); ++row) {
                const QModelIndex i = list->model()->index(row, 0);
                const qint64 id = i.data(ConversationListModel::IdRole).toLongLong();
                if (i.data(ConversationListModel::LastSeqRole).toLongLong() < expected.value(id))
                    return false;
            }
            return true;
        };
        if (spinUntil(current, qMin<qint64>(left(), 10'000)))
            out.value(u"list_current_ms"_s, since());
        else
            failed(u"the conversation list does not show the newest messages"_s);
    }

    if (plan.explore && ok) {
        // Open the big conversation, then page it up to its first message.
        int bigRow = -1;
        for (int row = 0; row < list->model()->rowCount(); ++row)
            if (list->model()->index(row, 0).data(ConversationListModel::IdRole).toLongLong()
                == plan.bigConversation)
                bigRow = row;
        QList<int> order;
        if (bigRow >= 0)
            order.append(bigRow);
        for (int row = 0; row < list->model()->rowCount(); ++row)
            if (row != bigRow)
                order.append(row);
        // Opening the big conversation is measured from another one.
        const auto *current = qobject_cast<MessageListModel *>(messages->model());
        if (current->conversationId() == plan.bigConversation && order.size() > 1) {
            const QModelIndex other = list->model()->index(order.at(1), 0);
            const qint64 otherId = other.data(ConversationListModel::IdRole).toLongLong();
            spinUntil([&] { return !current->isLoading(); }, qMin<qint64>(left(), 10'000));
            list->setCurrentIndex(other);
            spinUntil([&] { return conversationShown(messages, otherId); },
                      qMin<qint64>(left(), 30'000));
        }
        QElapsedTimer visiting;
        visiting.start();
        int visited = 0;
        int incomplete = 0;
        for (int row : order) {
            if (deadline.hasExpired())
                break;
            const QModelIndex index = list->model()->index(row, 0);
            const qint64 id = index.data(ConversationListModel::IdRole).toLongLong();
            const Seq newest = expected.value(id);
            const bool big = id == plan.bigConversation;
            // A page still on its way belongs to the conversation shown: let it land first
            // (opening another one meanwhile can leave the new one empty in today's model).
            const auto *shown = qobject_cast<MessageListModel *>(messages->model());
            if (!spinUntil([&] { return !shown->isLoading(); }, qMin<qint64>(left(), 10'000)))
                failed(u"a page of conversation %1 never arrived"_s.arg(shown->conversationId()));
            StallMeter stall;
            stall.start();
            QElapsedTimer opening;
            opening.start();
            list->setCurrentIndex(index);
            if (!spinUntil([&] { return conversationShown(messages, id); }, left())) {
                const auto *model = qobject_cast<MessageListModel *>(messages->model());
                failed(u"conversation %1 did not show its newest message (%2): %3 rows, newest "
                       "%4, loading %5"_s.arg(id)
                           .arg(newest)
                           .arg(model->rowCount())
                           .arg(newestShown(messages))
                           .arg(model->isLoading()));
                break;
            }
            messages->viewport()->repaint();
            const double openMs = double(opening.nsecsElapsed()) / 1e6;
            const double openStall = stall.maxMs();
            stall.start();
            const ScrollResult scrolled =
                scrollToStart(messages, newest, plan.scrollIntervalMs, deadline);
            stall.stop();
            ++visited;
            if (!scrolled.reachedStart || scrolled.missing || scrolled.outOfOrder)
                ++incomplete;
            if (big) {
                out.value(u"open_big_ms"_s, openMs);
                out.value(u"open_big_max_stall_ms"_s, openStall);
                QJsonObject s = toJson(scrolled);
                s.insert(u"max_stall_ms"_s, stall.maxMs());
                out.value(u"big_scroll"_s, s);
            }
            if (scrolled.missing || scrolled.outOfOrder || !scrolled.reachedStart) {
                QJsonObject s = toJson(scrolled);
                s.insert(u"conversation"_s, id);
                out.value(u"scroll_problem"_s, s);
            }
        }
        out.value(u"visited"_s, visited);
        out.value(u"visit_all_ms"_s, visiting.elapsed());
        out.value(u"rss_mib_after_visiting"_s, double(statusKiB("VmRSS:")) / 1024.0);
        if (visited < order.size())
            failed(u"visited %1 of %2 conversations in time"_s.arg(visited).arg(order.size()));
        if (incomplete)
            failed(u"%1 conversations not scrolled completely to their start"_s.arg(incomplete));
    }

    out.value(u"rss_mib"_s, double(statusKiB("VmRSS:")) / 1024.0);
    out.value(u"peak_rss_mib"_s, double(statusKiB("VmHWM:")) / 1024.0);
    session.disconnectFromServer();
    return ok ? 0 : 3;
}
