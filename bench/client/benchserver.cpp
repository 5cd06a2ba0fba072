// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchserver.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>

using namespace Qt::StringLiterals;

BenchServer::~BenchServer()
{
    stop();
}

bool BenchServer::start(const QString &program, const QString &dataDir, quint16 port, bool tls,
                        const QString &configFile)
{
    QStringList arguments{u"--listen"_s,   u"127.0.0.1"_s, u"--port"_s, QString::number(port),
                          u"--data-dir"_s, dataDir,        u"--tls"_s,  tls ? u"on"_s : u"off"_s};
    if (!configFile.isEmpty())
        arguments << u"--config"_s << configFile;
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(10'000))
        return false;
    static const QRegularExpression listening(u"(wss?)://([0-9.]+):(\\d+)"_s);
    QByteArray output;
    while (m_process.waitForReadyRead(60'000)) {
        output += m_process.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            m_url = QUrl(u"%1://127.0.0.1:%2"_s.arg(match.captured(1), match.captured(3)));
            if (tls) {
                const auto found =
                    QSslCertificate::fromPath(QDir(dataDir).filePath(u"tls/*.pem"_s), QSsl::Pem,
                                              QSslCertificate::PatternSyntax::Wildcard);
                if (!found.isEmpty())
                    m_certificate = found.first();
            }
            return true;
        }
    }
    qWarning("banterd did not report its URL: %s %s", output.constData(),
             m_process.readAllStandardError().constData());
    stop();
    return false;
}

void BenchServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // SIGTERM to this PID only
    if (!m_process.waitForFinished(15'000)) {
        m_process.kill();
        m_process.waitForFinished(5'000);
    }
}

qint64 BenchServer::rssBytes() const
{
    QFile status(u"/proc/%1/status"_s.arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return 0;
}

quint16 BenchServer::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}
