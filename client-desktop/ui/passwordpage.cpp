// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/passwordpage.h"

#include "core/errortext.h"
#include <banter/client/clientsession.h>
#include <banter/domain/user.h>

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>

namespace Banter::Desktop {

PasswordPage::PasswordPage(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_old(new QLineEdit(this))
    , m_new(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_change(new QPushButton(this))
    , m_result(new QLabel(this))
    , m_oldLabel(new QLabel(this))
    , m_newLabel(new QLabel(this))
    , m_repeatLabel(new QLabel(this))
    , m_note(new QLabel(this))
{
    m_old->setObjectName(QStringLiteral("oldPassword"));
    m_new->setObjectName(QStringLiteral("newPassword"));
    m_repeat->setObjectName(QStringLiteral("repeatPassword"));
    m_change->setObjectName(QStringLiteral("changePasswordButton"));
    m_result->setObjectName(QStringLiteral("passwordResult"));
    for (QLineEdit *edit : {m_old, m_new, m_repeat}) {
        edit->setEchoMode(QLineEdit::Password);
        connect(edit, &QLineEdit::textChanged, this, &PasswordPage::updateButton);
    }
    m_result->setWordWrap(true);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    auto *form = new QFormLayout(this);
    form->addRow(m_oldLabel, m_old);
    form->addRow(m_newLabel, m_new);
    form->addRow(m_repeatLabel, m_repeat);
    form->addRow(QString(), m_note);
    form->addRow(QString(), m_change);
    form->addRow(QString(), m_result);
    connect(m_change, &QPushButton::clicked, this, &PasswordPage::change);
    retranslate();
    updateButton();
}

void PasswordPage::updateButton()
{
    m_result->clear();
    m_change->setEnabled(!m_old->text().isEmpty() && !m_new->text().isEmpty()
                         && !m_repeat->text().isEmpty());
}

void PasswordPage::showResult(const QString &text, bool error)
{
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::WindowText,
                     error ? QColor(0xc0, 0x30, 0x30)
                           : this->palette().color(QPalette::WindowText));
    m_result->setPalette(palette);
    m_result->setText(text);
}

void PasswordPage::change()
{
    if (m_new->text() != m_repeat->text()) {
        showResult(tr("The new passwords do not match."), true);
        return;
    }
    if (!UserRules::validatePassword(m_new->text())) {
        showResult(
            tr("The new password needs at least %1 characters.").arg(UserRules::MinPasswordLength),
            true);
        return;
    }
    m_change->setEnabled(false);
    // The session is the context: the page may close before the answer.
    m_session.changePassword(m_old->text(), m_new->text())
        .then(&m_session, [self = QPointer(this)](Result<Done> done) {
            if (self)
                self->finish(done);
        });
}

void PasswordPage::finish(const Result<Done> &done)
{
    if (!done) {
        m_change->setEnabled(true);
        showResult(
            done.error().code == ErrorCode::InvalidCredentials
                ? tr("The current password is not right.")
                : tr("The password was not changed: %1").arg(ErrorText::describe(done.error())),
            true);
        return;
    }
    for (QLineEdit *edit : {m_old, m_new, m_repeat})
        edit->clear();
    showResult(tr("Password changed. Your other devices were signed out."), false);
    Q_EMIT passwordChanged();
}

void PasswordPage::retranslate()
{
    m_oldLabel->setText(tr("Current password:"));
    m_newLabel->setText(tr("New password:"));
    m_repeatLabel->setText(tr("Repeat it:"));
    m_note->setText(tr("Changing the password signs out every other device."));
    m_change->setText(tr("Change password"));
}

void PasswordPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace Banter::Desktop
