// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/composebar.h"

#include "ui/composer.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace Banter::Desktop {

ComposeBar::ComposeBar(Composer *composer, QWidget *parent)
    : QFrame(parent)
    , m_composer(composer)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("composeBar"));
    setFrameShape(QFrame::StyledPanel);
    m_title->setObjectName(QStringLiteral("composeBarTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setForegroundRole(QPalette::Link);
    m_text->setObjectName(QStringLiteral("composeBarText"));
    m_text->setTextFormat(Qt::PlainText); // a message's text is never markup
    m_text->setForegroundRole(QPalette::PlaceholderText);
    m_close->setObjectName(QStringLiteral("composeBarClose"));
    m_close->setText(QStringLiteral("✕"));
    m_close->setAutoRaise(true);
    auto *texts = new QVBoxLayout;
    texts->setSpacing(0);
    texts->addWidget(m_title);
    texts->addWidget(m_text);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 2, 2, 2);
    layout->addLayout(texts, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, composer, [composer] {
        composer->cancel();
        composer->setFocus(Qt::OtherFocusReason);
    });
    connect(composer, &Composer::modeChanged, this, &ComposeBar::refresh);
    refresh();
}

QString ComposeBar::firstLine(const QString &text)
{
    const QString line = text.section(u'\n', 0, 0, QString::SectionSkipEmpty).trimmed();
    if (line.size() <= SnippetLength)
        return line;
    return line.left(SnippetLength) + u'…';
}

void ComposeBar::refresh()
{
    const Message &target = m_composer->target();
    switch (m_composer->mode()) {
    case Composer::Mode::Writing:
        setVisible(false);
        return;
    case Composer::Mode::Replying:
        m_title->setText(tr("Reply to %1").arg(m_composer->memberName(target.senderId)));
        m_close->setToolTip(tr("Cancel the reply (Esc)"));
        break;
    case Composer::Mode::Editing:
        m_title->setText(tr("Editing"));
        m_close->setToolTip(tr("Cancel editing (Esc)"));
        break;
    }
    QString text = firstLine(target.content);
    if (text.isEmpty() && target.type == MessageType::Image)
        text = tr("Photo");
    else if (text.isEmpty() && target.type == MessageType::File)
        text = tr("File: %1").arg(target.attachment.name);
    m_text->setText(text);
    setVisible(true);
}

void ComposeBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        refresh();
}

} // namespace Banter::Desktop
