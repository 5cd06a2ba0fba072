// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "schemafixtures.h"

#include "storagetest.h"

#include <QCryptographicHash>

namespace Banter::Test {

using namespace Qt::StringLiterals;

namespace {
const QString PasswordHash = u"$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"_s;

QByteArray sha(const char *text)
{
    return QCryptographicHash::hash(text, QCryptographicHash::Sha256);
}

// SQL NULL (SqlSession binds a null QString as an empty one).
const QVariant Null;

QList<FixtureRow> version1Rows()
{
    const QStringList users{u"id"_s,         u"username"_s, u"display_name"_s, u"password_hash"_s,
                            u"created_at"_s, u"last_seen"_s};
    const QStringList sessions{u"id"_s,
                               u"user_id"_s,
                               u"device"_s,
                               u"refresh_hash"_s,
                               u"previous_refresh_hash"_s,
                               u"created_at"_s,
                               u"last_used_at"_s,
                               u"expires_at"_s,
                               u"revoked"_s};
    const QStringList conversations{u"id"_s,         u"type"_s,     u"name"_s,
                                    u"created_at"_s, u"last_seq"_s, u"last_activity"_s,
                                    u"private_key"_s};
    const QStringList members{u"conversation_id"_s, u"user_id"_s,  u"role"_s,
                              u"joined_at"_s,       u"read_seq"_s, u"delivered_seq"_s};
    const QStringList messages{
        u"id"_s,      u"conversation_id"_s, u"seq"_s,   u"sender_id"_s, u"type"_s,
        u"content"_s, u"attachment"_s,      u"event"_s, u"created_at"_s};
    const QStringList contacts{u"owner_id"_s, u"contact_id"_s, u"blocked"_s, u"added_at"_s};
    const QString photo =
        uR"({"file_id":"f-photo","height":48,"mime_type":"image/png","name":"photo.png","size":1234,"thumbnail":"iVBORw0KGgo=","width":64})"_s;
    const QString added = uR"({"event":"members_added","user_ids":[2,3]})"_s;
    const QString renamed = uR"({"event":"renamed","name":"Weekend"})"_s;
    return {
        {u"users"_s, users, {1, u"alice"_s, u"Alice"_s, PasswordHash, 1000, 5000}},
        {u"users"_s, users, {2, u"bob"_s, u"Bob"_s, PasswordHash, 1100, 0}},
        {u"users"_s, users, {3, u"carol"_s, u"Carol ✿ 李"_s, PasswordHash, 1200, 6000}},
        {u"sessions"_s,
         sessions,
         {1, 1, u"laptop"_s, sha("a1"), Null, 2000, 3000, 9'000'000'000'000LL, 0}},
        {u"sessions"_s,
         sessions,
         {2, 2, u"phone"_s, sha("b2"), sha("b1"), 2100, 3100, 9'100'000'000'000LL, 1}},
        {u"conversations"_s, conversations, {1, u"private"_s, QString(), 1500, 2, 4000, u"1:2"_s}},
        {u"conversations"_s, conversations, {2, u"group"_s, u"Weekend"_s, 1600, 4, 4100, Null}},
        {u"participants"_s, members, {1, 1, u"member"_s, 1500, 2, 2}, 2},
        {u"participants"_s, members, {1, 2, u"member"_s, 1500, 1, 2}, 2},
        {u"participants"_s, members, {2, 1, u"admin"_s, 1600, 4, 4}, 2},
        {u"participants"_s, members, {2, 2, u"member"_s, 1700, 0, 3}, 2},
        {u"participants"_s, members, {2, 3, u"member"_s, 1700, 0, 0}, 2},
        {u"messages"_s,
         messages,
         {u"5d1c2b8e-0000-4000-8000-000000000001"_s, 1, 1, 1, u"text"_s, u"hi bob"_s, Null, Null,
          3000}},
        {u"messages"_s,
         messages,
         {u"5d1c2b8e-0000-4000-8000-000000000002"_s, 1, 2, 2, u"text"_s, u"hi alice ✓"_s, Null,
          Null, 4000}},
        {u"messages"_s,
         messages,
         {u"5d1c2b8e-0000-4000-8000-000000000003"_s, 2, 1, 1, u"system"_s,
          u"Alice added Bob and Carol"_s, Null, added, 1700}},
        {u"messages"_s,
         messages,
         {u"5d1c2b8e-0000-4000-8000-000000000004"_s, 2, 2, 1, u"system"_s,
          u"Alice renamed the group"_s, Null, renamed, 1800}},
        {u"messages"_s,
         messages,
         {u"5d1c2b8e-0000-4000-8000-000000000005"_s, 2, 3, 1, u"image"_s, u"the view"_s, photo,
          Null, 3900}},
        {u"messages"_s,
         messages,
         {u"5d1c2b8e-0000-4000-8000-000000000006"_s, 2, 4, 2, u"text"_s, QString(), Null, Null,
          4100}},
        {u"contacts"_s, contacts, {1, 2, 0, 1400}, 2},
        {u"contacts"_s, contacts, {2, 3, 1, 1450}, 2},
    };
}

QList<FixtureRow> version2Rows()
{
    const QStringList files{u"id"_s,        u"owner_id"_s, u"name"_s,      u"size"_s,
                            u"mime_type"_s, u"sha256"_s,   u"created_at"_s};
    const QStringList uploads{u"id"_s,     u"owner_id"_s,   u"name"_s,      u"size"_s,
                              u"sha256"_s, u"created_at"_s, u"updated_at"_s};
    const QStringList shared{u"file_id"_s, u"conversation_id"_s};
    const QString photoSha = QString::fromLatin1(sha("photo").toHex());
    return {
        {u"files"_s,
         files,
         {u"f-photo"_s, 1, u"photo.png"_s, 1234, u"image/png"_s, photoSha, 3500}},
        {u"files"_s,
         files,
         {u"f-notes"_s, 2, u"notes.txt"_s, 5'000'000'000LL, u"text/plain"_s,
          QString::fromLatin1(sha("notes").toHex()), 3550}},
        {u"uploads"_s,
         uploads,
         {u"u-big"_s, 2, u"big.iso"_s, 7'000'000'000LL, QString::fromLatin1(sha("big").toHex()),
          3600, 3700}},
        {u"shared_files"_s, shared, {u"f-photo"_s, 2}, 2},
        {u"shared_files"_s, shared, {u"f-notes"_s, 1}, 2},
    };
}
} // namespace

QList<FixtureRow> fixtureRows(int version)
{
    QList<FixtureRow> rows = version1Rows();
    if (version >= 2)
        rows += version2Rows();
    return rows;
}

bool insertRows(RawConnection &raw, const QList<FixtureRow> &rows)
{
    for (const FixtureRow &row : rows) {
        QStringList marks;
        marks.fill(u"?"_s, row.columns.size());
        const QString sql = u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(
            row.table, row.columns.join(u", "_s), marks.join(u", "_s));
        if (Status inserted = raw.session().run(sql, row.values); !inserted) {
            qWarning("fixture row of %s refused: %s", qPrintable(row.table),
                     qPrintable(inserted.error().message));
            return false;
        }
    }
    return true;
}

QVariantList storedValues(RawConnection &raw, const FixtureRow &row)
{
    QStringList where;
    for (int i = 0; i < row.keyColumns; ++i)
        where.append(row.columns.at(i) + u" = ?"_s);
    const QString sql = u"SELECT %1 FROM %2 WHERE %3"_s.arg(row.columns.join(u", "_s), row.table,
                                                            where.join(u" AND "_s));
    Result<SqlCursor> cursor = raw.session().exec(sql, row.values.mid(0, row.keyColumns));
    if (!cursor || !cursor->next())
        return {};
    QVariantList values;
    for (qsizetype i = 0; i < row.columns.size(); ++i)
        values.append(cursor->value(int(i)));
    return values;
}

QString comparable(const QVariant &value)
{
    if (value.isNull())
        return u"NULL"_s;
    if (value.typeId() == QMetaType::QByteArray)
        return u"0x"_s + QString::fromLatin1(value.toByteArray().toHex());
    return value.toString();
}

} // namespace Banter::Test
