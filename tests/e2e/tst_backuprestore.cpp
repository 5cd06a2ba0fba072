// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// banterd backup and restore as an operator runs them: a backup taken from a running banterd
// process while two clients keep sending messages and uploading, restored into an empty
// directory (and database), served again by a new banterd: every message acknowledged before
// the backup began is there, the history has no holes, the files download with their
// SHA-256. A damaged archive, a non-empty target and a missing pg_dump are refused clearly.
#include "banterdprocess.h"
#include "sessionhelpers.h"
#include "testfiles.h"
#include <banter/client/clientsession.h>
#include <banter/client/transferclient.h>

#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Banter;
using namespace Banter::Test;
using namespace Qt::StringLiterals;
using State = TransferClient::State;

namespace {
constexpr qint64 KiB = 1024;
constexpr QFileDevice::Permissions GroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
    | QFileDevice::ExeOther;

bool isPostgresql()
{
    return TestDatabase::backend() == "postgresql"_L1;
}

struct Run
{
    int exitCode = -1;
    QString output;
    QString errors;
};

// banterd COMMAND ... to its end (within a minute), with `path` as PATH when given.
Run banterd(const QStringList &arguments, const QString &path = {})
{
    QProcess process;
    if (!path.isNull()) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PATH"_s, path);
        process.setProcessEnvironment(environment);
    }
    process.start(QStringLiteral(BANTERD_PATH), arguments);
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit)
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QStringList storeArguments(const BanterdProcess &server)
{
    QStringList arguments{u"--data-dir"_s, server.dataDirectory()};
    if (!server.databaseUrl().isEmpty())
        arguments << u"--database"_s << server.databaseUrl();
    return arguments;
}

bool waitFor(TransferClient &client, TransferClient::TransferId id, State state)
{
    return Test::waitFor(
               [&] {
                   const auto t = client.transfer(id);
                   return t && (t->state == state || t->state == State::Failed);
               },
               60'000, "a transfer")
        && client.transfer(id)->state == state;
}

// Uploads a file of `size` pseudo-random bytes and sends it into the conversation.
std::optional<Protocol::FileInfo> shareNewFile(ClientSession &session, TransferClient &files,
                                               ConversationId conversation, const QString &path,
                                               qint64 size, quint32 seed)
{
    if (!writeRandomFile(path, size, seed))
        return std::nullopt;
    const auto id = files.upload(path);
    if (!waitFor(files, id, State::Finished))
        return std::nullopt;
    Protocol::SendMessageRequest request;
    request.id = QUuid::createUuid();
    request.conversationId = conversation;
    request.type = MessageType::File;
    request.attachment = TransferClient::attachmentFor(files.transfer(id)->file);
    if (!await(session.sendMessage(request)))
        return std::nullopt;
    return files.transfer(id)->file;
}

std::unique_ptr<ClientSession> signedInSession(const QUrl &url, const QString &username)
{
    auto session = std::make_unique<ClientSession>();
    session->connectToServer(url);
    if (!Test::waitFor([&] { return session->state() == ClientSession::State::Connected; }, 10'000,
                       "the session to connect")
        || !await(session->login(username, u"correct horse"_s, u"restored"_s))
        || !Test::waitFor([&] { return session->isReady(); }, 10'000, "the first sync"))
        return nullptr;
    return session;
}

// Every message of a conversation, newest page first, keyed by id.
std::optional<QHash<QUuid, Message>> allMessages(ClientSession &session, ConversationId id)
{
    QHash<QUuid, Message> messages;
    Seq before = 0;
    for (int page = 0; page < 1000; ++page) {
        const auto reply = await(session.history(id, before, Protocol::HistoryRequest::MaxLimit));
        if (!reply)
            return std::nullopt;
        for (const Message &message : reply->messages)
            messages.insert(message.id, message);
        if (!reply->hasMore || reply->messages.isEmpty())
            return messages;
        before = reply->messages.constFirst().seq;
    }
    return std::nullopt;
}

// Names of everything under `dir` whose mode lets anyone but the owner in.
QStringList sharedEntries(const QString &dir)
{
    QStringList shared;
    if (QFile::permissions(dir) & GroupOrOther)
        shared << dir;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (QFile::permissions(it.filePath()) & GroupOrOther)
            shared << it.filePath();
    }
    return shared;
}
} // namespace

class TestBackupRestore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void backupUnderLoadRestoresEveryAcknowledgedMessage();
    void damagedArchiveIsRefused();
    void nonEmptyTargetsAndBadArgumentsAreRefused();
    void postgresqlToolsMissingFromPath();

private:
    QTemporaryDir m_dir;
    QString m_archive; // a small backup of a server with a user, messages and a file
    std::unique_ptr<BanterdProcess> m_server;
};

void TestBackupRestore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<BanterdProcess>(QStringLiteral(BANTERD_PATH));
    QVERIFY2(m_server->start(), qPrintable(m_server->errors()));
    auto alice = signedUpSession(m_server->url(), u"alice"_s);
    QVERIFY(alice);
    SessionCloser closer{{alice.get()}};
    const auto chat = await(alice->createGroup(u"notes"_s, {}));
    QVERIFY(chat);
    QVERIFY(fillConversation(*alice, chat->id, 20));
    TransferClient files(*alice);
    QVERIFY(shareNewFile(*alice, files, chat->id, m_dir.filePath(u"small.bin"_s), 64 * KiB + 3, 7));
    m_archive = m_dir.filePath(u"small.tar"_s);
    const Run run =
        banterd(QStringList{u"backup"_s, u"--to"_s, m_archive} + storeArguments(*m_server));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
}

void TestBackupRestore::backupUnderLoadRestoresEveryAcknowledgedMessage()
{
    // The per-user message budget would make the load (and the history) crawl.
    BanterdProcess server(QStringLiteral(BANTERD_PATH),
                          "messages_per_second=100000\nmessage_burst=100000\n");
    QVERIFY2(server.start(), qPrintable(server.errors()));
    auto alice = signedUpSession(server.url(), u"alice"_s);
    auto bob = signedUpSession(server.url(), u"bob"_s);
    QVERIFY(alice && bob);
    QList<Message> acked;
    for (ClientSession *session : {alice.get(), bob.get()})
        connect(session, &ClientSession::messageAcked, this,
                [&acked](const Message &message) { acked.append(message); });
    const auto group = await(alice->createGroup(u"backup"_s, {bob->currentUser().id}));
    QVERIFY(group);

    // Files and a history, all acknowledged before the backup begins.
    TransferClient files(*alice);
    QList<std::pair<Protocol::FileInfo, QByteArray>> shared;
    const qint64 sizes[] = {100 * KiB + 1, 1024 * KiB + 7, 3 * 1024 * KiB + 13};
    for (int i = 0; i < 3; ++i) {
        const QString path = m_dir.filePath(u"shared-%1.bin"_s.arg(i));
        const auto file = shareNewFile(*alice, files, group->id, path, sizes[i], quint32(100 + i));
        QVERIFY(file);
        shared.append({*file, sha256OfFile(path)});
    }
    const int history = qEnvironmentVariableIsSet("BANTER_BACKUP_TEST_MESSAGES")
        ? qEnvironmentVariableIntValue("BANTER_BACKUP_TEST_MESSAGES")
        : 400;
    QVERIFY(fillConversation(*alice, group->id, history));

    // The live load: both keep up to 16 messages in flight, and an upload runs.
    constexpr int MaxLoadMessages = 20'000; // bounds the loop whatever the backup's speed
    int sent = 0;
    const auto topUp = [&] {
        for (ClientSession *session : {alice.get(), bob.get()}) {
            while (session->pendingMessages().size() < 16 && sent < MaxLoadMessages)
                session->sendMessage(group->id, u"live %1"_s.arg(++sent));
        }
    };
    const QString uploading = m_dir.filePath(u"uploading.bin"_s);
    QVERIFY(writeRandomFile(uploading, 8 * 1024 * KiB, 9));
    const auto upload = files.upload(uploading);
    topUp();
    QVERIFY(!alice->pendingMessages().isEmpty() && !bob->pendingMessages().isEmpty());
    const QList<Message> ackedBefore = acked;

    const QString archive = m_dir.filePath(u"under-load.tar"_s);
    QProcess backup;
    QElapsedTimer clock;
    clock.start();
    backup.start(QStringLiteral(BANTERD_PATH),
                 QStringList{u"backup"_s, u"--to"_s, archive} + storeArguments(server));
    QVERIFY(Test::waitFor(
        [&] {
            topUp();
            return backup.state() == QProcess::NotRunning;
        },
        60'000, "the backup"));
    const qint64 backupMs = clock.elapsed();
    QVERIFY2(backup.exitStatus() == QProcess::NormalExit && backup.exitCode() == 0,
             backup.readAllStandardError().constData());
    const qsizetype ackedWhileRunning = acked.size() - ackedBefore.size();
    QVERIFY(Test::waitFor(
        [&] { return alice->pendingMessages().isEmpty() && bob->pendingMessages().isEmpty(); },
        30'000, "the load to drain"));
    QVERIFY(waitFor(files, upload, State::Finished));
    QVERIFY(QFileInfo::exists(archive));
    QCOMPARE(QFile::permissions(archive) & GroupOrOther, QFileDevice::Permissions());
    QVERIFY(QDir(QFileInfo(archive).absolutePath())
                .entryList({u"under-load.tar.*"_s}, QDir::AllEntries | QDir::Hidden)
                .isEmpty()); // no temporary file or staging directory left behind
    qInfo("backup of %d messages and %d files under load: %lld ms, %lld bytes; %lld messages "
          "acknowledged while it ran",
          int(ackedBefore.size()), int(shared.size()), backupMs, QFileInfo(archive).size(),
          qint64(ackedWhileRunning));

    // Restore into a new directory (and a new, empty database) and serve it.
    TestDatabase restoredDatabase;
    QVERIFY2(restoredDatabase.isValid(), qPrintable(restoredDatabase.error()));
    const QString restoredDir = m_dir.filePath(u"restored"_s);
    QStringList arguments{u"restore"_s, u"--from"_s, archive, u"--data-dir"_s, restoredDir};
    if (isPostgresql())
        arguments << u"--database"_s << restoredDatabase.url();
    const Run restore = banterd(arguments);
    QVERIFY2(restore.exitCode == 0, qPrintable(restore.errors));
    QVERIFY(restore.output.contains("verified"_L1));
    QCOMPARE(sharedEntries(restoredDir), QStringList());

    BanterdProcess restored(QStringLiteral(BANTERD_PATH));
    restored.useStore(restoredDir, isPostgresql() ? restoredDatabase.url() : QString());
    QVERIFY2(restored.start(), qPrintable(restored.errors()));
    auto bobAgain = signedInSession(restored.url(), u"bob"_s);
    QVERIFY(bobAgain);
    SessionCloser closer{{alice.get(), bob.get(), bobAgain.get()}};
    const auto messages = allMessages(*bobAgain, group->id);
    QVERIFY(messages);
    QList<Seq> seqs;
    for (const Message &message : *messages)
        seqs.append(message.seq);
    std::sort(seqs.begin(), seqs.end());
    for (qsizetype i = 0; i < seqs.size(); ++i)
        QCOMPARE(seqs.at(i), Seq(i + 1)); // no holes, no duplicates
    for (const Message &message : ackedBefore) {
        QVERIFY2(messages->contains(message.id), qPrintable(message.content));
        const Message &copy = messages->value(message.id);
        QCOMPARE(copy.seq, message.seq);
        QCOMPARE(copy.content, message.content);
        QCOMPARE(copy.senderId, message.senderId);
    }
    // What the snapshot caught of the live load is whole too.
    for (const Message &message : std::as_const(acked)) {
        if (messages->contains(message.id))
            QCOMPARE(messages->value(message.id).content, message.content);
    }

    TransferClient bobFiles(*bobAgain);
    for (const auto &[file, sha] : std::as_const(shared)) {
        const QString target = m_dir.filePath(u"downloaded-"_s + file.id);
        const auto down = bobFiles.download(file.id, target);
        QVERIFY(waitFor(bobFiles, down, State::Finished));
        QCOMPARE(sha256OfFile(target), sha);
    }
}

void TestBackupRestore::damagedArchiveIsRefused()
{
    QFile original(m_archive);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray bytes = original.readAll();
    // A header's checksum field, the manifest, the middle, inside the last member, and a
    // truncation.
    const qsizetype offsets[] = {150, 700, bytes.size() / 2, bytes.size() - 4000, -1};
    int damage = 0;
    for (const qsizetype offset : offsets) {
        QByteArray changed = bytes;
        if (offset < 0)
            changed.chop(2048);
        else
            changed[offset] = char(changed.at(offset) ^ 0x20);
        const QString path = m_dir.filePath(u"damaged-%1.tar"_s.arg(++damage));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(changed);
        file.close();
        TestDatabase database;
        QVERIFY(database.isValid());
        const QString target = m_dir.filePath(u"from-damaged-%1"_s.arg(damage));
        QStringList arguments{u"restore"_s, u"--from"_s, path, u"--data-dir"_s, target};
        if (isPostgresql())
            arguments << u"--database"_s << database.url();
        const Run run = banterd(arguments);
        QVERIFY2(run.exitCode == 1, qPrintable(u"offset %1: %2"_s.arg(offset).arg(run.errors)));
        QVERIFY2(run.errors.contains("damaged"_L1), qPrintable(run.errors));
        QVERIFY2(!QFileInfo::exists(target),
                 qPrintable(u"offset %1: %2"_s.arg(offset).arg(run.errors))); // nothing was written
    }
}

void TestBackupRestore::nonEmptyTargetsAndBadArgumentsAreRefused()
{
    const QString target = m_dir.filePath(u"occupied"_s);
    QVERIFY(QDir().mkpath(target));
    QFile keep(target + u"/keep.txt"_s);
    QVERIFY(keep.open(QIODevice::WriteOnly));
    keep.write("mine");
    keep.close();
    TestDatabase database;
    QVERIFY(database.isValid());
    QStringList arguments{u"restore"_s, u"--from"_s, m_archive, u"--data-dir"_s, target};
    if (isPostgresql())
        arguments << u"--database"_s << database.url();
    Run run = banterd(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains("not empty"_L1), qPrintable(run.errors));
    QCOMPARE(QDir(target).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"keep.txt"_s});

    // A backup never overwrites a file.
    const QByteArray before = sha256OfFile(m_archive);
    run = banterd(QStringList{u"backup"_s, u"--to"_s, m_archive} + storeArguments(*m_server));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains("already exists"_L1), qPrintable(run.errors));
    QCOMPARE(sha256OfFile(m_archive), before);

    // Missing options, a missing archive, a data directory banterd never used.
    QCOMPARE(banterd({u"backup"_s}).exitCode, 2);
    QCOMPARE(banterd({u"restore"_s, u"--from"_s, m_archive}).exitCode, 2);
    run = banterd({u"restore"_s, u"--from"_s, m_dir.filePath(u"none.tar"_s), u"--data-dir"_s,
                   m_dir.filePath(u"never"_s)});
    QCOMPARE(run.exitCode, 3);
    run = banterd({u"backup"_s, u"--to"_s, m_dir.filePath(u"nothing.tar"_s), u"--data-dir"_s,
                   m_dir.filePath(u"no-data"_s)});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.errors.contains("token key"_L1), qPrintable(run.errors));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(u"nothing.tar"_s)));
}

void TestBackupRestore::postgresqlToolsMissingFromPath()
{
    const QTemporaryDir emptyPath; // PATH with no programs at all
    const QString archive = m_dir.filePath(u"no-tools.tar"_s);
    const Run backup = banterd(
        QStringList{u"backup"_s, u"--to"_s, archive} + storeArguments(*m_server), emptyPath.path());
    if (!isPostgresql()) {
        // SQLite needs no program beside banterd, neither to back up nor to restore.
        QVERIFY2(backup.exitCode == 0, qPrintable(backup.errors));
        const Run restore = banterd(
            {u"restore"_s, u"--from"_s, archive, u"--data-dir"_s, m_dir.filePath(u"no-tools"_s)},
            emptyPath.path());
        QVERIFY2(restore.exitCode == 0, qPrintable(restore.errors));
        return;
    }
    QCOMPARE(backup.exitCode, 3);
    QVERIFY2(backup.errors.contains("pg_dump is not installed"_L1), qPrintable(backup.errors));
    QVERIFY(!QFileInfo::exists(archive));
    QVERIFY(QDir(m_dir.path())
                .entryList({u"no-tools.tar*"_s}, QDir::AllEntries | QDir::Hidden)
                .isEmpty());

    TestDatabase database;
    QVERIFY(database.isValid());
    const QString target = m_dir.filePath(u"no-pg-restore"_s);
    const Run restore = banterd({u"restore"_s, u"--from"_s, m_archive, u"--data-dir"_s, target,
                                 u"--database"_s, database.url()},
                                emptyPath.path());
    QCOMPARE(restore.exitCode, 3);
    QVERIFY2(restore.errors.contains("pg_restore is not installed"_L1), qPrintable(restore.errors));
    QVERIFY(!QFileInfo::exists(target));
}

QTEST_GUILESS_MAIN(TestBackupRestore)
#include "tst_backuprestore.moc"
