// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QHash>
#include <QImage>
#include <QList>
#include <QWidget>

class QHBoxLayout;

namespace Banter::Desktop {

// The files and pasted images the user is about to send, shown above the composer before
// they go: a thumbnail (or a file icon), the name, the size and a button that removes it.
// The composer's text is their caption. Each conversation keeps its own, as it keeps its
// own draft. Hidden while empty.
class AttachmentStrip : public QWidget
{
    Q_OBJECT
public:
    // A file from the disk (path set) or an image from the clipboard (image set).
    struct Item
    {
        QString path;
        QImage image;
        QString name;
        qint64 size = 0;
    };

    explicit AttachmentStrip(QWidget *parent = nullptr);

    void setConversation(ConversationId id);
    void addFiles(const QStringList &paths);
    void addImage(const QImage &image);
    void removeAt(int index);
    // What waits to be sent in the open conversation, and takes it out of the strip.
    QList<Item> items() const { return m_items.value(m_conversation); }
    QList<Item> takeItems();
    bool isEmpty() const { return items().isEmpty(); }

    // "1.2 MB" in the user's locale.
    static QString sizeText(qint64 bytes);

Q_SIGNALS:
    void changed();

private:
    void rebuild();
    QWidget *tile(const Item &item, int index);

    ConversationId m_conversation = 0;
    QHash<ConversationId, QList<Item>> m_items;
    QHBoxLayout *m_row;
};

} // namespace Banter::Desktop
