// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/profilepage.h"

#include "core/errortext.h"
#include <banter/client/clientsession.h>

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>

namespace Banter::Desktop {

ProfilePage::ProfilePage(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_nameLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_usernameLabel(new QLabel(this))
    , m_username(new QLabel(this))
    , m_save(new QPushButton(this))
    , m_result(new QLabel(this))
{
    m_name->setObjectName(QStringLiteral("profileDisplayName"));
    m_save->setObjectName(QStringLiteral("saveProfileButton"));
    m_result->setObjectName(QStringLiteral("profileResult"));
    m_result->setWordWrap(true);
    m_name->setMaxLength(UserRules::MaxDisplayNameLength);
    const User me = session.currentUser();
    m_name->setText(me.displayName);
    m_username->setText(u'@' + me.username);
    m_username->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *form = new QFormLayout(this);
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_usernameLabel, m_username);
    form->addRow(QString(), m_save);
    form->addRow(QString(), m_result);
    connect(m_save, &QPushButton::clicked, this, &ProfilePage::save);
    connect(m_name, &QLineEdit::returnPressed, this, &ProfilePage::save);
    connect(m_name, &QLineEdit::textEdited, m_result, &QLabel::clear);
    retranslate();
}

void ProfilePage::save()
{
    m_save->setEnabled(false);
    // The session is the context: the page may close before the answer.
    m_session.updateProfile(m_name->text().trimmed())
        .then(&m_session, [self = QPointer(this)](Result<User> saved) {
            if (self)
                self->finish(saved);
        });
}

void ProfilePage::finish(const Result<User> &saved)
{
    m_save->setEnabled(true);
    if (!saved) {
        m_result->setText(
            tr("Your profile was not saved: %1").arg(ErrorText::describe(saved.error())));
        return;
    }
    m_name->setText(saved->displayName);
    m_result->setText(tr("Saved. People you chat with see the new name."));
}

void ProfilePage::retranslate()
{
    m_nameLabel->setText(tr("Display name:"));
    m_name->setPlaceholderText(tr("Shown instead of your username"));
    m_usernameLabel->setText(tr("Username:"));
    m_save->setText(tr("Save profile"));
}

void ProfilePage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace Banter::Desktop
