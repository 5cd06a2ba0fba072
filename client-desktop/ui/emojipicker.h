// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

namespace Banter::Desktop {

// A popup grid of emoji to react with ("More…" in the message menu). Each is one grapheme
// cluster, as the server requires of a reaction.
class EmojiPicker : public QFrame
{
    Q_OBJECT
public:
    static QStringList emoji();
    explicit EmojiPicker(QWidget *parent = nullptr);

Q_SIGNALS:
    void picked(const QString &emoji);
};

} // namespace Banter::Desktop
