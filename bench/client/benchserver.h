// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QSslCertificate>
#include <QUrl>

// A banterd for the client benchmark, in its own process on loopback: started on a fixed
// port (the client remembers the server by its URL, so every restart must keep it), asked
// for its URL, and stopped by its own PID.
class BenchServer
{
public:
    ~BenchServer();
    bool start(const QString &program, const QString &dataDir, quint16 port, bool tls,
               const QString &configFile = {});
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QUrl url() const { return m_url; }
    qint64 pid() const { return m_process.processId(); }
    // The self-signed certificate the server made in its data directory (TLS only).
    QSslCertificate certificate() const { return m_certificate; }
    qint64 rssBytes() const;

    // A port free on loopback right now.
    static quint16 freePort();

private:
    QProcess m_process;
    QUrl m_url;
    QSslCertificate m_certificate;
};
