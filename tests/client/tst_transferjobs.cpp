// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The upload and download state machines of TransferClient: every move between two steps is
// checked against the table below (written out again here, on purpose, so that a change to
// the library's table shows up as a failing row), on canMove() and on a real job's moveTo(),
// and so is what each step shows through the public API.
#include <banter/client/downloadjob_p.h>
#include <banter/client/uploadjob_p.h>

#include <QRegularExpression>
#include <QTest>

#include <map>
#include <set>
#include <vector>

using namespace Banter;
using namespace Qt::StringLiterals;
using State = TransferClient::State;

namespace {
using U = UploadJob::Step;
using D = DownloadJob::Step;

// Allowed moves, from -> to. Everything not listed is refused.
const std::map<U, std::set<U>> &allowedUploadMoves()
{
    static const std::map<U, std::set<U>> moves{
        {U::Idle, {U::Hashing, U::Paused, U::Failed, U::Cancelled}},
        {U::Hashing, {U::Connecting, U::Starting, U::Paused, U::Failed, U::Cancelled}},
        {U::Connecting, {U::Starting, U::Paused, U::Failed, U::Cancelled}},
        {U::Starting, {U::Queued, U::Running, U::Connecting, U::Paused, U::Failed, U::Cancelled}},
        {U::Queued, {U::Starting, U::Connecting, U::Paused, U::Failed, U::Cancelled}},
        {U::Running,
         {U::Finishing, U::Starting, U::Connecting, U::Paused, U::Failed, U::Cancelled}},
        {U::Finishing,
         {U::Finished, U::Starting, U::Connecting, U::Paused, U::Failed, U::Cancelled}},
        {U::Paused, {U::Hashing, U::Connecting, U::Starting, U::Failed, U::Cancelled}},
        {U::Failed, {U::Hashing, U::Connecting, U::Starting, U::Cancelled}},
        {U::Finished, {}},
        {U::Cancelled, {}},
    };
    return moves;
}

const std::map<D, std::set<D>> &allowedDownloadMoves()
{
    static const std::map<D, std::set<D>> moves{
        {D::Idle, {D::Connecting, D::Opening, D::Paused, D::Failed, D::Cancelled}},
        {D::Connecting, {D::Opening, D::Paused, D::Failed, D::Cancelled}},
        {D::Opening, {D::Requesting, D::Connecting, D::Paused, D::Failed, D::Cancelled}},
        {D::Requesting,
         {D::Running, D::Opening, D::Connecting, D::Paused, D::Failed, D::Cancelled}},
        {D::Running,
         {D::Throttled, D::Verifying, D::Opening, D::Connecting, D::Paused, D::Failed,
          D::Cancelled}},
        {D::Throttled,
         {D::Stopped, D::Verifying, D::Opening, D::Connecting, D::Paused, D::Failed, D::Cancelled}},
        {D::Stopped,
         {D::Running, D::Verifying, D::Opening, D::Connecting, D::Paused, D::Failed, D::Cancelled}},
        {D::Verifying, {D::Finished, D::Paused, D::Failed, D::Cancelled}},
        {D::Paused, {D::Connecting, D::Opening, D::Cancelled}},
        {D::Failed, {D::Connecting, D::Opening, D::Cancelled}},
        {D::Finished, {}},
        {D::Cancelled, {}},
    };
    return moves;
}

// A way from Idle to each step, through allowed moves only.
std::vector<U> pathTo(U step)
{
    switch (step) {
    case U::Idle:
        return {};
    case U::Hashing:
        return {U::Hashing};
    case U::Connecting:
        return {U::Hashing, U::Connecting};
    case U::Starting:
        return {U::Hashing, U::Starting};
    case U::Queued:
        return {U::Hashing, U::Starting, U::Queued};
    case U::Running:
        return {U::Hashing, U::Starting, U::Running};
    case U::Finishing:
        return {U::Hashing, U::Starting, U::Running, U::Finishing};
    case U::Finished:
        return {U::Hashing, U::Starting, U::Running, U::Finishing, U::Finished};
    case U::Paused:
    case U::Failed:
    case U::Cancelled:
        return {U::Hashing, step};
    }
    return {};
}

std::vector<D> pathTo(D step)
{
    const std::vector<D> running{D::Opening, D::Requesting, D::Running};
    auto then = [&](std::initializer_list<D> more) {
        std::vector<D> path = running;
        path.insert(path.end(), more);
        return path;
    };
    switch (step) {
    case D::Idle:
        return {};
    case D::Connecting:
        return {D::Connecting};
    case D::Opening:
        return {D::Opening};
    case D::Requesting:
        return {D::Opening, D::Requesting};
    case D::Running:
        return running;
    case D::Throttled:
        return then({D::Throttled});
    case D::Stopped:
        return then({D::Throttled, D::Stopped});
    case D::Verifying:
        return then({D::Verifying});
    case D::Finished:
        return then({D::Verifying, D::Finished});
    case D::Paused:
    case D::Failed:
    case D::Cancelled:
        return {D::Opening, step};
    }
    return {};
}

template<typename Job, typename Step>
bool walk(Job &job, Step to)
{
    for (Step step : pathTo(to)) {
        if (!job.moveTo(step))
            return false;
    }
    return job.step() == to;
}
} // namespace

class TestTransferJobs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uploadMoves_data();
    void uploadMoves();
    void downloadMoves_data();
    void downloadMoves();
    void movingToTheSameStepIsNothing();
    void publicStates();
    void activeAndReceiving();
};

void TestTransferJobs::uploadMoves_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<bool>("allowed");
    for (int from = 0; from < UploadJob::StepCount; ++from) {
        for (int to = 0; to < UploadJob::StepCount; ++to) {
            if (from == to)
                continue;
            const bool allowed = allowedUploadMoves().at(U(from)).contains(U(to));
            QTest::addRow("%s->%s", UploadJob::name(U(from)), UploadJob::name(U(to)))
                << from << to << allowed;
        }
    }
}

void TestTransferJobs::uploadMoves()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(bool, allowed);
    QCOMPARE(UploadJob::canMove(U(from), U(to)), allowed);

    UploadJob job(7);
    QVERIFY(walk(job, U(from)));
    if (!allowed)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"upload 7 refused the move"_s));
    QCOMPARE(job.moveTo(U(to)), allowed);
    QCOMPARE(job.step(), allowed ? U(to) : U(from));
    QCOMPARE(job.info.state, UploadJob::publicState(job.step()));
}

void TestTransferJobs::downloadMoves_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<bool>("allowed");
    for (int from = 0; from < DownloadJob::StepCount; ++from) {
        for (int to = 0; to < DownloadJob::StepCount; ++to) {
            if (from == to)
                continue;
            const bool allowed = allowedDownloadMoves().at(D(from)).contains(D(to));
            QTest::addRow("%s->%s", DownloadJob::name(D(from)), DownloadJob::name(D(to)))
                << from << to << allowed;
        }
    }
}

void TestTransferJobs::downloadMoves()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(bool, allowed);
    QCOMPARE(DownloadJob::canMove(D(from), D(to)), allowed);

    DownloadJob job(9);
    QVERIFY(walk(job, D(from)));
    if (!allowed)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"download 9 refused the move"_s));
    QCOMPARE(job.moveTo(D(to)), allowed);
    QCOMPARE(job.step(), allowed ? D(to) : D(from));
    QCOMPARE(job.info.state, DownloadJob::publicState(job.step()));
}

// Not a transition: allowed everywhere, even from an end, and changes nothing.
void TestTransferJobs::movingToTheSameStepIsNothing()
{
    for (int s = 0; s < UploadJob::StepCount; ++s) {
        QVERIFY(!UploadJob::canMove(U(s), U(s)));
        UploadJob job(1);
        QVERIFY(walk(job, U(s)));
        QVERIFY(job.moveTo(U(s)));
        QCOMPARE(job.step(), U(s));
    }
    for (int s = 0; s < DownloadJob::StepCount; ++s) {
        QVERIFY(!DownloadJob::canMove(D(s), D(s)));
        DownloadJob job(1);
        QVERIFY(walk(job, D(s)));
        QVERIFY(job.moveTo(D(s)));
        QCOMPARE(job.step(), D(s));
    }
}

void TestTransferJobs::publicStates()
{
    const std::map<U, State> upload{
        {U::Idle, State::Idle},
        {U::Hashing, State::Hashing},
        {U::Connecting, State::Connecting},
        {U::Starting, State::Starting},
        {U::Queued, State::Queued},
        {U::Running, State::Running},
        {U::Finishing, State::Running},
        {U::Paused, State::Paused},
        {U::Finished, State::Finished},
        {U::Failed, State::Failed},
        {U::Cancelled, State::Cancelled},
    };
    QCOMPARE(int(upload.size()), UploadJob::StepCount);
    for (const auto &[step, state] : upload)
        QCOMPARE(UploadJob::publicState(step), state);

    const std::map<D, State> download{
        {D::Idle, State::Idle},        {D::Connecting, State::Connecting},
        {D::Opening, State::Starting}, {D::Requesting, State::Starting},
        {D::Running, State::Running},  {D::Throttled, State::Running},
        {D::Stopped, State::Running},  {D::Verifying, State::Running},
        {D::Paused, State::Paused},    {D::Finished, State::Finished},
        {D::Failed, State::Failed},    {D::Cancelled, State::Cancelled},
    };
    QCOMPARE(int(download.size()), DownloadJob::StepCount);
    for (const auto &[step, state] : download)
        QCOMPARE(DownloadJob::publicState(step), state);

    // A new job shows Idle and knows which way it goes.
    QCOMPARE(UploadJob(3).info.state, State::Idle);
    QCOMPARE(UploadJob(3).info.direction, TransferClient::Direction::Upload);
    QCOMPARE(DownloadJob(4).info.direction, TransferClient::Direction::Download);
    QCOMPARE(DownloadJob(4).info.id, TransferClient::TransferId(4));
}

void TestTransferJobs::activeAndReceiving()
{
    const std::set<U> inactiveUploads{U::Paused, U::Finished, U::Failed, U::Cancelled};
    const std::set<U> sending{U::Running, U::Finishing};
    for (int s = 0; s < UploadJob::StepCount; ++s) {
        UploadJob job(1);
        QVERIFY(walk(job, U(s)));
        QCOMPARE(job.isActive(), !inactiveUploads.contains(U(s)));
        QCOMPARE(job.isSending(), sending.contains(U(s)));
    }
    const std::set<D> inactiveDownloads{D::Paused, D::Finished, D::Failed, D::Cancelled};
    const std::set<D> receiving{D::Running, D::Throttled, D::Stopped};
    for (int s = 0; s < DownloadJob::StepCount; ++s) {
        DownloadJob job(1);
        QVERIFY(walk(job, D(s)));
        QCOMPARE(job.isActive(), !inactiveDownloads.contains(D(s)));
        QCOMPARE(job.isReceiving(), receiving.contains(D(s)));
    }
}

QTEST_GUILESS_MAIN(TestTransferJobs)
#include "tst_transferjobs.moc"
