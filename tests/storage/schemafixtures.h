// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Rows as a released banterd left them at each schema version: what an upgrade must carry
// over value for value. Written with plain SQL against that version's tables (not through
// today's repositories, which only know the latest schema).

#include <QList>
#include <QStringList>
#include <QVariantList>

namespace Banter::Test {

class RawConnection;

struct FixtureRow
{
    QString table;
    QStringList columns;
    QVariantList values;
    int keyColumns = 1; // the leading columns that identify the row
};

// Every row a database at `version` holds in the fixture: users, sessions, conversations,
// members with their receipts, messages (text, image, system), contacts; from version 2 on
// also files, unfinished uploads and shares.
QList<FixtureRow> fixtureRows(int version);

// Inserts the rows; false (with a warning naming the row) when one is refused.
bool insertRows(RawConnection &raw, const QList<FixtureRow> &rows);
// The row's columns as stored now, in the same order; empty when the row is gone.
QVariantList storedValues(RawConnection &raw, const FixtureRow &row);
// A value as comparable text: NULL, bytes as hex, anything else as its string.
QString comparable(const QVariant &value);

} // namespace Banter::Test
