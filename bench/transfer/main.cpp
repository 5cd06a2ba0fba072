// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// banter-transferbench: file transfer throughput on loopback, and what a large transfer does
// to chat latency on the same account. Starts its own banterd (by PID), signs up two users
// with ClientSession, and runs three bounded phases: chat alone, chat during an upload of
// --mib MiB (TransferClient), chat during the download of that file by the other user.
// Chat is one message every 20 ms from the uploader to the other user; latency is from
// sendMessage() to the receiver's messageReceived (same process, same clock).
//   banter-transferbench --banterd build/release/server/banterd --mib 200
#include "../loadgen/latencies.h"
#include "../loadgen/serverprocess.h"
#include <banter/client/clientsession.h>
#include <banter/client/transferclient.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <unistd.h>

using namespace Banter;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 MiB = qint64(1024) * 1024;

void spin(const std::function<bool()> &done, qint64 timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

std::unique_ptr<ClientSession> signUp(const QUrl &url, const QString &name)
{
    auto session = std::make_unique<ClientSession>();
    session->connectToServer(url);
    spin([&] { return session->state() == ClientSession::State::Connected; }, 5000);
    auto future = session->registerUser(name, u"correct horse"_s, name, u"bench"_s);
    spin([&] { return future.isFinished(); }, 5000);
    spin([&] { return session->isReady(); }, 5000);
    return session->isReady() ? std::move(session) : nullptr;
}

// Sends a message every 20 ms while `running` and records each delivery latency.
class ChatProbe
{
public:
    ChatProbe(ClientSession &from, ClientSession &to)
        : m_from(from)
    {
        m_clock.start();
        QObject::connect(&to, &ClientSession::messageReceived, &m_context,
                         [this](const Message &m) {
                             const auto it = m_sentAt.find(m.content);
                             if (it != m_sentAt.end()) {
                                 m_latencies.add((m_clock.nsecsElapsed() - it->second) / 1000);
                                 m_sentAt.erase(it);
                             }
                         });
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, &m_context, [this, &to] {
            const QString text = u"probe %1"_s.arg(m_next++);
            m_sentAt[text] = m_clock.nsecsElapsed();
            m_from.sendMessage(Protocol::SendMessageRequest{
                QUuid::createUuid(), 0, to.currentUser().id, MessageType::Text, text, {}, {}, {}});
        });
    }
    void start()
    {
        m_latencies = Latencies();
        m_timer.start();
    }
    QJsonObject stop()
    {
        m_timer.stop();
        spin([this] { return m_sentAt.empty(); }, 2000);
        return {{u"messages"_s, qint64(m_latencies.count())},
                {u"p50_ms"_s, m_latencies.percentileMs(50)},
                {u"p99_ms"_s, m_latencies.percentileMs(99)},
                {u"max_ms"_s, m_latencies.percentileMs(100)}};
    }

private:
    ClientSession &m_from;
    QObject m_context;
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::map<QString, qint64> m_sentAt;
    Latencies m_latencies;
    int m_next = 0;
};
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{u"banterd"_s, u"banterd binary."_s, u"path"_s, u"build/release/server/banterd"_s},
         {u"mib"_s, u"File size in MiB."_s, u"n"_s, u"200"_s},
         {u"disk-backlog-mib"_s, u"Download bytes that may wait for the disk (TransferClient)."_s,
          u"n"_s, u"16"_s},
         {u"seconds"_s, u"Time limit per phase."_s, u"n"_s, u"120"_s}});
    parser.process(app);
    const qint64 size = parser.value(u"mib"_s).toLongLong() * MiB;
    const qint64 limitMs = parser.value(u"seconds"_s).toLongLong() * 1000;

    QTemporaryDir dir;
    {
        QFile config(dir.filePath(u"bench.conf"_s));
        if (!config.open(QIODevice::WriteOnly))
            return 1;
        config.write("[auth]\npassword_memory_kib=8\npassword_iterations=1\n"
                     "[limits]\nmessages_per_second=1000\nmessage_burst=1000\n"
                     "[files]\nmax_file_mib=4096\nquota_mib=16384\n");
    }
    ServerProcess server; // without TLS, as in banter-loadgen: plain transfer cost
    if (!server.start(parser.value(u"banterd"_s),
                      {u"--port"_s, u"0"_s, u"--data-dir"_s, dir.filePath(u"data"_s), u"--config"_s,
                       dir.filePath(u"bench.conf"_s), u"--tls"_s, u"off"_s}))
        return 1;
    auto alice = signUp(server.url(), u"alice"_s);
    auto bob = signUp(server.url(), u"bob"_s);
    if (!alice || !bob) {
        qWarning("could not sign up");
        return 1;
    }
    const QString source = dir.filePath(u"payload.bin"_s);
    {
        QFile file(source);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        QRandomGenerator random(1);
        QByteArray block(MiB, Qt::Uninitialized);
        for (qint64 written = 0; written < size; written += MiB) {
            random.fillRange(reinterpret_cast<quint32 *>(block.data()), MiB / 4);
            file.write(block);
        }
        // On the disk before measuring: otherwise the kernel flushes it during "chat alone"
        // and every chat commit waits behind that flush.
        file.flush();
        ::fsync(file.handle());
    }

    ChatProbe probe(*alice, *bob);
    QJsonObject result{{u"scenario"_s, u"transfer"_s}, {u"mib"_s, size / MiB}};
    probe.start();
    spin([] { return false; }, 3000);
    result.insert(u"chat_alone"_s, probe.stop());

    TransferClient aliceFiles(*alice);
    probe.start();
    QElapsedTimer clock;
    clock.start();
    const auto up = aliceFiles.upload(source);
    spin([&] { return aliceFiles.transfer(up)->state == TransferClient::State::Finished; },
         limitMs);
    const qint64 uploadMs = clock.elapsed();
    result.insert(u"chat_during_upload"_s, probe.stop());
    const auto uploaded = aliceFiles.transfer(up);
    if (uploaded->state != TransferClient::State::Finished) {
        qWarning("upload did not finish");
        return 1;
    }
    result.insert(u"upload_mb_per_s"_s, double(size) / 1e3 / double(qMax<qint64>(1, uploadMs)));
    Protocol::SendMessageRequest share{QUuid::createUuid(),
                                       0,
                                       bob->currentUser().id,
                                       MessageType::File,
                                       {},
                                       TransferClient::attachmentFor(uploaded->file),
                                       {},
                                       {}};
    auto shared = alice->sendMessage(share);
    spin([&] { return shared.isFinished(); }, 5000);

    TransferClient bobFiles(*bob);
    const qint64 backlog = parser.value(u"disk-backlog-mib"_s).toLongLong() * MiB;
    bobFiles.setDiskBacklogLimits(backlog, backlog / 4);
    probe.start();
    clock.restart();
    const auto down = bobFiles.download(uploaded->file.id, dir.filePath(u"copy.bin"_s));
    spin([&] { return bobFiles.transfer(down)->state == TransferClient::State::Finished; },
         limitMs);
    const qint64 downloadMs = clock.elapsed();
    result.insert(u"chat_during_download"_s, probe.stop());
    result.insert(u"download_mb_per_s"_s, double(size) / 1e3 / double(qMax<qint64>(1, downloadMs)));
    // Times the download stopped for the disk to catch up (TransferClient's back-pressure).
    result.insert(u"download_disk_waits"_s, qint64(bobFiles.diskWaits()));
    result.insert(u"server_rss_mib"_s, double(server.rssBytes()) / MiB);
    server.stop();

    printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    const auto chat = [&](const char *key) {
        return result.value(QLatin1String(key)).toObject().value(u"p99_ms"_s).toDouble();
    };
    printf("transfer %lld MiB: upload %.0f MB/s, download %.0f MB/s; chat p99 %.2f ms alone, "
           "%.2f ms during upload, %.2f ms during download\n",
           size / MiB, result.value(u"upload_mb_per_s"_s).toDouble(),
           result.value(u"download_mb_per_s"_s).toDouble(), chat("chat_alone"),
           chat("chat_during_upload"), chat("chat_during_download"));
    return 0;
}
