// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "banterdprocess.h"

#include "waiting.h"

#include <QFile>
#include <QRegularExpression>

#include <csignal>
#include <unistd.h>

namespace Banter::Test {

using namespace Qt::StringLiterals;

BanterdProcess::BanterdProcess(QString program, QByteArray limits, QByteArray auth)
    : m_program(std::move(program))
    , m_limits(std::move(limits))
    , m_auth(std::move(auth))
{ }

BanterdProcess::~BanterdProcess()
{
    stop();
}

bool BanterdProcess::start()
{
    const QString config = m_dir.filePath(u"banterd.conf"_s);
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(
        "[auth]\n"
        + (m_auth.isEmpty() ? QByteArray("password_memory_kib=8\npassword_iterations=1\n") : m_auth)
        + "[limits]\nregistrations_per_address_per_hour=100000\n" + m_limits + m_extraConfig);
    file.close();
    QStringList arguments{u"--listen"_s,   u"127.0.0.1"_s, u"--port"_s, u"0"_s,     u"--data-dir"_s,
                          dataDirectory(), u"--config"_s,  config,      u"--tls"_s, u"off"_s};
    if (!databaseUrl().isEmpty())
        arguments << u"--database"_s << databaseUrl();
    m_storeArguments = {u"--data-dir"_s, dataDirectory(), u"--config"_s, config};
    if (!databaseUrl().isEmpty())
        m_storeArguments << u"--database"_s << databaseUrl();
    m_output.clear();
    m_errors.clear();
    m_process.start(m_program, arguments);
    if (!m_process.waitForStarted())
        return false;
    // "banterd X listening on ws://127.0.0.1:PORT (data in ...)"
    static const QRegularExpression listening(u"listening on ws://127.0.0.1:(\\d+)"_s);
    quint16 port = 0;
    const bool up = waitFor(
        [&] {
            m_output += QString::fromUtf8(m_process.readAllStandardOutput());
            const auto match = listening.match(m_output);
            port = match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
            return port != 0 || m_process.state() == QProcess::NotRunning;
        },
        10'000, "banterd to listen");
    if (!up || port == 0) {
        qWarning("banterd did not start: %s", qPrintable(errors()));
        return false;
    }
    m_port = port;
    // Printed right after the listening line, in the same write.
    static const QRegularExpression metrics(u"metrics on http://[^:]+:(\\d+)/metrics"_s);
    m_output += QString::fromUtf8(m_process.readAllStandardOutput());
    const auto match = metrics.match(m_output);
    m_metricsPort = match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
    return true;
}

void BanterdProcess::useStore(const QString &dataDir, const QString &databaseUrl)
{
    m_store.emplace(dataDir, databaseUrl);
}

QString BanterdProcess::dataDirectory() const
{
    return m_store ? m_store->first : m_dir.filePath(u"data"_s);
}

QString BanterdProcess::databaseUrl() const
{
    if (m_store)
        return m_store->second;
    if (!m_databaseUrl.isEmpty())
        return m_databaseUrl;
    return TestDatabase::backend() == "postgresql"_L1 ? m_database.url() : QString();
}

void BanterdProcess::signal(int signal)
{
    if (isRunning())
        ::kill(pid_t(m_process.processId()), signal);
}

bool BanterdProcess::waitForExit(int timeoutMs)
{
    return waitFor([this] { return !isRunning(); }, timeoutMs, "banterd to exit");
}

int BanterdProcess::exitCode() const
{
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QString BanterdProcess::errors()
{
    m_errors += QString::fromUtf8(m_process.readAllStandardError());
    return m_errors;
}

void BanterdProcess::stop()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(10'000);
}

QUrl BanterdProcess::url() const
{
    return QUrl(u"ws://127.0.0.1:%1"_s.arg(m_port));
}

qint64 BanterdProcess::residentBytes() const
{
    QFile status(u"/proc/%1/status"_s.arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong() * 1024;
    }
    return 0;
}

double BanterdProcess::cpuSeconds() const
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid()));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the command name.
    return (fields.value(11).toDouble() + fields.value(12).toDouble())
        / double(sysconf(_SC_CLK_TCK));
}

} // namespace Banter::Test
