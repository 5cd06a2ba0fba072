// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/histogram.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace Banter::Server {

// Writes metrics in the Prometheus text exposition format (version 0.0.4): a HELP and TYPE
// line per family, then its samples. Label values are escaped; names are the caller's.
class PrometheusText
{
public:
    using Labels = QList<std::pair<QString, QString>>;

    // Starts a family; `type` is counter, gauge or histogram.
    void family(const QString &name, const char *type, const QString &help);
    void sample(const QString &name, const Labels &labels, double value);
    void histogram(const QString &name, const Histogram::Snapshot &snapshot);

    const QByteArray &text() const { return m_text; }

private:
    QByteArray m_text;
};

} // namespace Banter::Server
