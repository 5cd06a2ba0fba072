// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/draftstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace Banter::Desktop {

using namespace Qt::StringLiterals;

namespace {
// Larger than MaxDrafts drafts of MaxDraftChars can be: anything bigger is not ours.
constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;
} // namespace

DraftStore::DraftStore(QObject *parent)
    : QObject(parent)
{
    m_save.setSingleShot(true);
    m_save.setInterval(SaveDelayMs);
    connect(&m_save, &QTimer::timeout, this, &DraftStore::flush);
}

DraftStore::~DraftStore()
{
    flush();
}

QString DraftStore::defaultPath(const QString &serverKey, UserId user)
{
    // Hashed: a server key holds a host name and a port, not all of it safe in a file name.
    const QByteArray server =
        QCryptographicHash::hash(serverKey.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/drafts/") + QString::fromLatin1(server) + u'-' + QString::number(user)
        + QStringLiteral(".json");
}

void DraftStore::open(const QString &path)
{
    if (path == m_path)
        return;
    flush(); // what belongs to the previous file goes there
    m_path = path;
    QFile file(path);
    if (file.size() <= MaxFileBytes && file.open(QIODevice::ReadOnly)) {
        const QJsonArray drafts = QJsonDocument::fromJson(file.readAll()).array();
        for (const QJsonValue &value : drafts) {
            const QJsonObject o = value.toObject();
            const ConversationId id = o.value(u"conversation_id").toInteger();
            const QString text = o.value(u"text").toString().left(MaxDraftChars);
            if (id <= 0 || text.trimmed().isEmpty() || m_drafts.contains(id))
                continue;
            m_drafts.insert(id,
                            {text, qBound(0, o.value(u"cursor").toInt(), int(text.size())),
                             o.value(u"changed_at").toInteger()});
        }
    }
    trim();
    Q_EMIT loaded();
}

void DraftStore::setDraft(ConversationId id, const QString &text, int cursor)
{
    if (id <= 0)
        return;
    if (text.trimmed().isEmpty()) {
        remove(id);
        return;
    }
    const QString kept = text.left(MaxDraftChars);
    auto it = m_drafts.find(id);
    if (it != m_drafts.end() && it->text == kept && it->cursor == cursor)
        return;
    m_drafts.insert(
        id, {kept, qBound(0, cursor, int(kept.size())), QDateTime::currentMSecsSinceEpoch()});
    trim();
    changed();
}

void DraftStore::remove(ConversationId id)
{
    if (m_drafts.remove(id))
        changed();
}

void DraftStore::changed()
{
    m_dirty = true;
    // Not restarted by each change: a long stretch of typing is still written every
    // SaveDelayMs, so a crash loses at most that much.
    if (!m_path.isEmpty() && !m_save.isActive())
        m_save.start();
}

void DraftStore::trim()
{
    if (m_drafts.size() <= MaxDrafts)
        return;
    QList<std::pair<qint64, ConversationId>> byAge;
    for (auto it = m_drafts.cbegin(); it != m_drafts.cend(); ++it)
        byAge.append({it->changedAtMs, it.key()});
    std::sort(byAge.begin(), byAge.end());
    for (qsizetype i = 0; i < byAge.size() - MaxDrafts; ++i)
        m_drafts.remove(byAge.at(i).second);
    m_dirty = true;
}

void DraftStore::flush()
{
    m_save.stop();
    if (!m_dirty || m_path.isEmpty())
        return;
    QJsonArray drafts;
    for (auto it = m_drafts.cbegin(); it != m_drafts.cend(); ++it)
        drafts.append(QJsonObject{{u"conversation_id"_s, it.key()},
                                  {u"text"_s, it->text},
                                  {u"cursor"_s, it->cursor},
                                  {u"changed_at"_s, it->changedAtMs}});
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(drafts).toJson(QJsonDocument::Compact)) < 0 || !file.commit())
        return; // still dirty: the next change or flush tries again (a full disk frees up)
    m_dirty = false;
}

void DraftStore::discard()
{
    m_save.stop();
    m_drafts.clear();
    m_dirty = false;
    if (!m_path.isEmpty())
        QFile::remove(m_path);
    m_path.clear(); // nothing typed from now on is written for the account that left
}

} // namespace Banter::Desktop
