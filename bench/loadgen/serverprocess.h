// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QUrl>

// A server under test in its own process: started, asked for its port, measured (RSS, CPU
// time from /proc), and stopped by its own PID.
class ServerProcess
{
public:
    ~ServerProcess();
    bool start(const QString &program, const QStringList &arguments);
    void stop();
    QUrl url() const { return m_url; }
    qint64 pid() const { return m_process.processId(); }
    qint64 rssBytes() const;
    double cpuSeconds() const;

private:
    QProcess m_process;
    QUrl m_url;
};

double selfCpuSeconds();
