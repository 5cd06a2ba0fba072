// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace Banter::Desktop {

// The local files among dropped or pasted URLs (remote URLs are text, not attachments).
QStringList localFiles(const QMimeData *data);

// The message box: Enter sends, Shift+Enter starts a new line. Pasting or dropping an
// image or files does not insert text: it asks for them to be sent.
class Composer : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

Q_SIGNALS:
    void sendRequested(const QString &text);
    void filesDropped(const QStringList &paths);
    void imagePasted(const QImage &image);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
};

} // namespace Banter::Desktop
