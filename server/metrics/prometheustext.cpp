// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/prometheustext.h"

#include <cmath>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
QString escapeLabel(QString value)
{
    value.replace(u'\\', u"\\\\"_s);
    value.replace(u'"', u"\\\""_s);
    value.replace(u'\n', u"\\n"_s);
    return value;
}

QString number(double value)
{
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    // Whole numbers (counters) without an exponent; others with enough digits.
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 12);
}
} // namespace

void PrometheusText::family(const QString &name, const char *type, const QString &help)
{
    m_text += u"# HELP %1 %2\n# TYPE %1 %3\n"_s.arg(name, help, QLatin1String(type)).toUtf8();
}

void PrometheusText::sample(const QString &name, const Labels &labels, double value)
{
    QString line = name;
    if (!labels.isEmpty()) {
        QStringList parts;
        for (const auto &label : labels)
            parts.append(u"%1=\"%2\""_s.arg(label.first, escapeLabel(label.second)));
        line += u'{' + parts.join(u',') + u'}';
    }
    m_text += (line + u' ' + number(value) + u'\n').toUtf8();
}

void PrometheusText::histogram(const QString &name, const Histogram::Snapshot &snapshot)
{
    for (qsizetype i = 0; i < snapshot.upperBounds.size(); ++i)
        sample(name + u"_bucket"_s, {{u"le"_s, number(snapshot.upperBounds.at(i))}},
               double(snapshot.cumulativeCounts.at(i)));
    sample(name + u"_bucket"_s, {{u"le"_s, u"+Inf"_s}}, double(snapshot.count));
    sample(name + u"_sum"_s, {}, snapshot.sum);
    sample(name + u"_count"_s, {}, double(snapshot.count));
}

} // namespace Banter::Server
