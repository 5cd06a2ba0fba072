// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// FileService alone: upload rows, resuming by id or content, the quota, who may read a file,
// cancelling, and the storage half of the sweep. No bytes are involved.
#include "service/fileservice.h"
#include "servicetest.h"

#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;
namespace P = Banter::Protocol;

namespace {
P::UploadStartRequest upload(const QString &name, qint64 size, QChar hashFill = u'a')
{
    P::UploadStartRequest request;
    request.name = name;
    request.size = size;
    request.sha256 = QString(64, hashFill);
    return request;
}
} // namespace

class TestFileService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void requestsAreCheckedUpFront();
    void uploadIsCreatedAndResumed();
    void resumeChecksOwnerAndContent();
    void quotaCountsUnfinishedUploads();
    void completedUploadBecomesAReadableFile();
    void othersCannotReadOrCancel();
    void sweepRemovesIdleUploadsButNotBusyOnes();
    void touchedUploadsAreNotSwept();

private:
    std::unique_ptr<ServiceFixture> m_fixture;
    FileLimits m_limits;
    std::unique_ptr<FileService> m_service;
    User m_alice;
    User m_bob;
};

void TestFileService::init()
{
    m_fixture = std::make_unique<ServiceFixture>();
    QVERIFY2(m_fixture->open(), qPrintable(m_fixture->error()));
    m_limits.maxFileBytes = 1000;
    m_limits.quotaBytes = 1500;
    m_limits.abandonedUploadSeconds = 60;
    m_service = std::make_unique<FileService>(m_fixture->storage, m_limits,
                                              [this] { return m_fixture->now; });
    m_alice = m_fixture->createUser(u"alice"_s);
    m_bob = m_fixture->createUser(u"bob"_s);
    QVERIFY(m_alice.id > 0 && m_bob.id > 0);
}

void TestFileService::cleanup()
{
    m_service.reset();
    m_fixture.reset();
}

void TestFileService::requestsAreCheckedUpFront()
{
    QVERIFY(m_service->checkUploadRequest(upload(u"ok.bin"_s, 1000)));
    const Status large = m_service->checkUploadRequest(upload(u"big.bin"_s, 1001));
    QVERIFY(!large);
    QCOMPARE(large.error().code, ErrorCode::TooLarge);
    P::UploadStartRequest forged = upload(u"x.bin"_s, 10);
    forged.uploadId = u"../../etc/passwd"_s;
    const Status bad = m_service->checkUploadRequest(forged);
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::NotFound);
}

void TestFileService::uploadIsCreatedAndResumed()
{
    const Result<StoredUpload> created =
        wait(m_service->findOrCreateUpload(m_alice.id, upload(u"a.bin"_s, 100)));
    QVERIFY2(created, qPrintable(created ? QString() : describe(created.error())));
    QCOMPARE(created->ownerId, m_alice.id);
    QCOMPARE(created->size, 100);
    QCOMPARE(created->id.size(), 32);

    // The same content without an id finds it again (a client that lost the id).
    const Result<StoredUpload> byContent =
        wait(m_service->findOrCreateUpload(m_alice.id, upload(u"a.bin"_s, 100)));
    QVERIFY(byContent);
    QCOMPARE(byContent->id, created->id);
    // By id.
    P::UploadStartRequest resume = upload(u"a.bin"_s, 100);
    resume.uploadId = created->id;
    const Result<StoredUpload> byId = wait(m_service->findOrCreateUpload(m_alice.id, resume));
    QVERIFY(byId);
    QCOMPARE(byId->id, created->id);
    // A second one of the same content on purpose (the first is being sent right now).
    const Result<StoredUpload> twin =
        wait(m_service->createUpload(m_alice.id, upload(u"a.bin"_s, 100)));
    QVERIFY(twin);
    QVERIFY(twin->id != created->id);
    const Result<QStringList> known = wait(m_service->knownUploadIds());
    QVERIFY(known);
    QCOMPARE(QSet<QString>(known->cbegin(), known->cend()), QSet<QString>({created->id, twin->id}));
}

void TestFileService::resumeChecksOwnerAndContent()
{
    const Result<StoredUpload> created =
        wait(m_service->findOrCreateUpload(m_alice.id, upload(u"a.bin"_s, 100)));
    QVERIFY(created);
    P::UploadStartRequest other = upload(u"a.bin"_s, 100, u'b');
    other.uploadId = created->id;
    const Result<StoredUpload> changed = wait(m_service->findOrCreateUpload(m_alice.id, other));
    QVERIFY(!changed);
    QCOMPARE(changed.error().code, ErrorCode::Conflict);
    P::UploadStartRequest stolen = upload(u"a.bin"_s, 100);
    stolen.uploadId = created->id;
    const Result<StoredUpload> bobs = wait(m_service->findOrCreateUpload(m_bob.id, stolen));
    QVERIFY(!bobs);
    QCOMPARE(bobs.error().code, ErrorCode::NotFound);
}

void TestFileService::quotaCountsUnfinishedUploads()
{
    QVERIFY(wait(m_service->findOrCreateUpload(m_alice.id, upload(u"a.bin"_s, 1000, u'a'))));
    const Result<StoredUpload> over =
        wait(m_service->findOrCreateUpload(m_alice.id, upload(u"b.bin"_s, 600, u'b')));
    QVERIFY(!over);
    QCOMPARE(over.error().code, ErrorCode::LimitExceeded);
    QVERIFY(wait(m_service->findOrCreateUpload(m_alice.id, upload(u"c.bin"_s, 500, u'c'))));
    // Bob has a quota of his own.
    QVERIFY(wait(m_service->findOrCreateUpload(m_bob.id, upload(u"b.bin"_s, 600, u'b'))));
}

void TestFileService::completedUploadBecomesAReadableFile()
{
    const Result<StoredUpload> created =
        wait(m_service->findOrCreateUpload(m_alice.id, upload(u"photo.png"_s, 100)));
    QVERIFY(created);
    m_fixture->now += 5000;
    const Result<StoredFile> file = wait(m_service->completeUpload(*created, u"image/png"_s));
    QVERIFY2(file, qPrintable(file ? QString() : describe(file.error())));
    QVERIFY(file->id != created->id);
    QCOMPARE(file->ownerId, m_alice.id);
    QCOMPARE(file->mimeType, u"image/png"_s);
    QCOMPARE(file->createdAtMs, m_fixture->now);
    const Result<QStringList> known = wait(m_service->knownUploadIds());
    QVERIFY(known);
    QVERIFY(known->isEmpty()); // the upload row is gone
    const Result<P::FileReply> info = wait(m_service->fileInfo(m_alice.id, file->id));
    QVERIFY(info);
    QCOMPARE(info->file.id, file->id);
    QCOMPARE(info->file.name, u"photo.png"_s);
    QCOMPARE(info->file.size, 100);
    QCOMPARE(info->file.mimeType, u"image/png"_s);
}

void TestFileService::othersCannotReadOrCancel()
{
    const Result<StoredUpload> created =
        wait(m_service->findOrCreateUpload(m_alice.id, upload(u"a.bin"_s, 100)));
    QVERIFY(created);
    const Result<Done> bobCancels = wait(m_service->cancelUpload(m_bob.id, created->id));
    QVERIFY(!bobCancels);
    QCOMPARE(bobCancels.error().code, ErrorCode::NotFound);
    QVERIFY(wait(m_service->cancelUpload(m_alice.id, created->id)));
    const Result<Done> twice = wait(m_service->cancelUpload(m_alice.id, created->id));
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, ErrorCode::NotFound);

    const Result<StoredUpload> second =
        wait(m_service->findOrCreateUpload(m_alice.id, upload(u"b.bin"_s, 10, u'b')));
    QVERIFY(second);
    const Result<StoredFile> file = wait(m_service->completeUpload(*second, u"text/plain"_s));
    QVERIFY(file);
    const Result<StoredFile> bobReads = wait(m_service->readableFile(m_bob.id, file->id));
    QVERIFY(!bobReads);
    QCOMPARE(bobReads.error().code, ErrorCode::NotFound);
    QCOMPARE(bobReads.error().message, FileService::noSuchFile().message);
    // Shared into a conversation Bob is in, it is his to read.
    const Conversation group = m_fixture->createGroup(m_alice.id, {m_bob.id});
    QVERIFY(m_fixture->inStorage<Done>(
        [id = file->id, c = group.id](Repositories &repos) { return repos.files.share(id, c); }));
    QVERIFY(wait(m_service->readableFile(m_bob.id, file->id)));
}

void TestFileService::sweepRemovesIdleUploadsButNotBusyOnes()
{
    const Result<StoredUpload> idle =
        wait(m_service->findOrCreateUpload(m_alice.id, upload(u"idle.bin"_s, 10, u'a')));
    const Result<StoredUpload> busy =
        wait(m_service->findOrCreateUpload(m_alice.id, upload(u"busy.bin"_s, 10, u'b')));
    QVERIFY(idle && busy);
    const Result<QStringList> early = wait(m_service->sweepAbandoned({}));
    QVERIFY(early);
    QVERIFY(early->isEmpty()); // not abandoned yet
    m_fixture->now += 61 * 1000;
    const Result<QStringList> removed = wait(m_service->sweepAbandoned({busy->id}));
    QVERIFY(removed);
    QCOMPARE(*removed, QStringList{idle->id});
    const Result<QStringList> known = wait(m_service->knownUploadIds());
    QVERIFY(known);
    QCOMPARE(*known, QStringList{busy->id});
}

void TestFileService::touchedUploadsAreNotSwept()
{
    const Result<StoredUpload> created =
        wait(m_service->findOrCreateUpload(m_alice.id, upload(u"a.bin"_s, 10)));
    QVERIFY(created);
    m_fixture->now += 50 * 1000;
    QVERIFY(wait(m_service->touchUploads({created->id}))); // its connection went away now
    m_fixture->now += 50 * 1000;
    const Result<QStringList> removed = wait(m_service->sweepAbandoned({}));
    QVERIFY(removed);
    QVERIFY(removed->isEmpty());
    m_fixture->now += 11 * 1000;
    const Result<QStringList> later = wait(m_service->sweepAbandoned({}));
    QVERIFY(later);
    QCOMPARE(*later, QStringList{created->id});
}

QTEST_GUILESS_MAIN(TestFileService)
#include "tst_fileservice.moc"
