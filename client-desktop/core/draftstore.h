// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QHash>
#include <QObject>
#include <QTimer>

namespace Banter::Desktop {

// The drafts of one account, per conversation, kept on disk so that text typed and not sent
// survives a restart (or a crash, give or take the last SaveDelayMs). Writes never happen on
// the keystroke path: a change marks the store dirty and a single-shot timer writes the file
// (atomically) a moment later; flush() writes at once (a conversation switch, the end).
//
// Bounded: at most MaxDrafts conversations (the least recently changed go first) and
// MaxDraftChars characters each, so a file someone edited by hand, or years of use, cannot
// make start-up slow. Without a file (open() not called) it keeps the drafts in memory only.
class DraftStore : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxDrafts = 200;
    static constexpr int MaxDraftChars = 20'000;
    static constexpr int SaveDelayMs = 1500;

    struct Draft
    {
        QString text;
        int cursor = 0;
        qint64 changedAtMs = 0; // which to drop first when there are too many
    };

    explicit DraftStore(QObject *parent = nullptr);
    ~DraftStore() override; // writes what is not written yet

    // The file of `user` on the server with `serverKey` (CertificatePin::serverKey), in the
    // application's data directory.
    static QString defaultPath(const QString &serverKey, UserId user);
    // Reads the drafts kept in `path` and writes there from now on. Drafts set before (typed
    // while the account's identity was not known yet) win over the file's. loaded() follows.
    void open(const QString &path);
    QString path() const { return m_path; }

    Draft draft(ConversationId id) const { return m_drafts.value(id); }
    bool contains(ConversationId id) const { return m_drafts.contains(id); }
    int count() const { return int(m_drafts.size()); }
    // Empty (or blank) text removes the draft.
    void setDraft(ConversationId id, const QString &text, int cursor);
    void remove(ConversationId id);
    // Writes now if anything changed since the last write.
    void flush();
    // Sign-out: forgets every draft and deletes the file (what was typed stays private).
    void discard();

Q_SIGNALS:
    // open() read the file: drafts may have appeared.
    void loaded();

private:
    void changed();
    void trim();

    QString m_path;
    QHash<ConversationId, Draft> m_drafts;
    QTimer m_save;
    bool m_dirty = false;
};

} // namespace Banter::Desktop
