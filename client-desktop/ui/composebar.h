// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace Banter::Desktop {

class Composer;

// The bar above the message box while a reply or an edit is under way: "Reply to Bob" or
// "Editing" with the first line of the message, and a button that cancels (as Esc does).
// Hidden while the user simply writes.
class ComposeBar : public QFrame
{
    Q_OBJECT
public:
    static constexpr int SnippetLength = 100;

    explicit ComposeBar(Composer *composer, QWidget *parent = nullptr);

    // The first line of a message as a preview, at most SnippetLength characters.
    static QString firstLine(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    Composer *m_composer;
    QLabel *m_title;
    QLabel *m_text;
    QToolButton *m_close;
};

} // namespace Banter::Desktop
