// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace Banter::Test {

// A fresh, empty database for one test. The backend comes from BANTER_TEST_BACKEND:
// "sqlite" (default): a file in a temporary directory; "postgresql": a new database in the
// cluster named by BANTER_TEST_POSTGRES_URL (scripts/test.sh starts one), dropped afterwards.
// A PostgreSQL run without a reachable cluster is an error, never a quiet skip.
class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString url() const { return m_url; }
    static QString backend();

private:
    QTemporaryDir m_dir;
    QString m_url;
    QString m_name;
    QString m_error;
};

} // namespace Banter::Test
