// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace Banter::Desktop {

// The message box: Enter sends, Shift+Enter starts a new line.
class Composer : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

Q_SIGNALS:
    void sendRequested(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace Banter::Desktop
