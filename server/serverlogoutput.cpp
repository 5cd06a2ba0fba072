// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverlogoutput.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// QtMsgType's values are not in order of severity (QtInfoMsg came last).
int severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 4;
}

// syslog priorities, as sd-daemon(3) prefixes read them.
int syslogPriority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 7;
    case QtInfoMsg:
        return 6;
    case QtWarningMsg:
        return 4;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 2;
    }
    return 3;
}

std::atomic<int> g_minimum{1};
LogStyle g_style = LogStyle::Text;
bool g_journald = false;
QMutex g_writeMutex; // one line is written whole even when threads log at once

void writeMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtFatalMsg && severity(type) < g_minimum.load(std::memory_order_relaxed))
        return;
    const QByteArray line =
        formatLogLine(g_style, g_journald, type, context.category, message).toUtf8() + '\n';
    {
        QMutexLocker lock(&g_writeMutex);
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
    }
    if (type == QtFatalMsg)
        std::abort();
}
} // namespace

QLatin1String logLevelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug"_L1;
    case QtInfoMsg:
        return "info"_L1;
    case QtWarningMsg:
        return "warning"_L1;
    case QtCriticalMsg:
        return "critical"_L1;
    case QtFatalMsg:
        return "fatal"_L1;
    }
    return "fatal"_L1;
}

QString formatLogLine(LogStyle style, bool journald, QtMsgType type, const char *category,
                      const QString &message)
{
    const QString categoryName = category ? QString::fromLatin1(category) : u"default"_s;
    if (style == LogStyle::Json) {
        const QJsonObject object{
            {u"time"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {u"level"_s, logLevelName(type)},
            {u"category"_s, categoryName},
            {u"message"_s, message},
        };
        return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    }
    // One message, one line: a newline inside it would start a line of its own in the journal.
    QString text = message;
    text.replace(u'\n', u' ');
    if (journald)
        return u"<%1>%2: %3"_s.arg(syslogPriority(type)).arg(categoryName, text);
    return u"%1 %2 %3: %4"_s.arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                                 logLevelName(type), categoryName, text);
}

void installServerLogOutput(LogStyle style, QtMsgType minimum)
{
    g_style = style;
    g_journald = qEnvironmentVariableIsSet("JOURNAL_STREAM");
    setServerLogLevel(minimum);
    qInstallMessageHandler(writeMessage);
}

void setServerLogLevel(QtMsgType minimum)
{
    g_minimum.store(severity(minimum), std::memory_order_relaxed);
    // The banter.* categories are declared with debug off; QT_LOGGING_RULES still wins.
    QLoggingCategory::setFilterRules(minimum == QtDebugMsg ? u"banter.*.debug=true"_s : QString());
}

} // namespace Banter::Server
