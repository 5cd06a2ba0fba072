// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/resetpassworddialog.h"

#include "core/errortext.h"
#include <banter/client/clientsession.h>
#include <banter/domain/user.h>

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Banter::Desktop {

ResetPasswordDialog::ResetPasswordDialog(ClientSession &session, const QString &username,
                                         QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_username(username)
    , m_stages(new QStackedWidget(this))
    , m_typed(new QLineEdit(this))
    , m_reset(new QPushButton(tr("Reset password"), this))
    , m_result(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_copy(new QPushButton(tr("Copy"), this))
{
    setWindowTitle(tr("Reset the password of %1").arg(username));
    m_typed->setObjectName(QStringLiteral("resetPasswordField"));
    m_reset->setObjectName(QStringLiteral("resetPasswordButton"));
    m_result->setObjectName(QStringLiteral("resetPasswordResult"));
    m_password->setObjectName(QStringLiteral("newPasswordField"));
    m_copy->setObjectName(QStringLiteral("copyPasswordButton"));
    m_stages->addWidget(buildAsk());
    m_stages->addWidget(buildShow());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stages);
    layout->addWidget(m_result);
    m_result->setWordWrap(true);
    QPalette errorPalette = m_result->palette(); // only errors show here
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x30, 0x30));
    m_result->setPalette(errorPalette);
    setMinimumWidth(460);
    connect(m_reset, &QPushButton::clicked, this, &ResetPasswordDialog::reset);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_password->text()); });
}

QWidget *ResetPasswordDialog::buildAsk()
{
    auto *page = new QWidget(this);
    auto *note = new QLabel(tr("%1 gets a new password and is signed out on every device. "
                               "Leave the field empty for a one-time password made by the "
                               "server.")
                                .arg(m_username),
                            page);
    note->setWordWrap(true);
    m_typed->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_typed->setPlaceholderText(tr("Generate one"));
    m_typed->setAccessibleName(tr("New password"));
    m_reset->setDefault(true);
    auto *cancel = new QPushButton(tr("Cancel"), page);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    auto *buttons = new QDialogButtonBox(page);
    buttons->addButton(m_reset, QDialogButtonBox::AcceptRole);
    buttons->addButton(cancel, QDialogButtonBox::RejectRole);
    auto *form = new QFormLayout(page);
    form->addRow(note);
    form->addRow(tr("New password:"), m_typed);
    form->addRow(buttons);
    return page;
}

QWidget *ResetPasswordDialog::buildShow()
{
    auto *page = new QWidget(this);
    auto *warning = new QLabel(tr("This password is shown only once. Give it to %1 in a safe "
                                  "way; they should change it after signing in.")
                                   .arg(m_username),
                               page);
    warning->setWordWrap(true);
    m_password->setReadOnly(true);
    // Fixed-width and wide enough for the whole of it: it is read out or typed elsewhere.
    m_password->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_password->setMinimumWidth(
        QFontMetrics(m_password->font()).horizontalAdvance(QString(28, QLatin1Char('m'))));
    m_password->setAccessibleName(tr("The new password"));
    m_copy->setAccessibleName(tr("Copy the new password"));
    auto *close = new QPushButton(tr("Close"), page);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    auto *row = new QHBoxLayout;
    row->addWidget(m_password, 1);
    row->addWidget(m_copy);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(warning);
    layout->addLayout(row);
    layout->addWidget(close, 0, Qt::AlignRight);
    return page;
}

void ResetPasswordDialog::reset()
{
    const QString typed = m_typed->text();
    if (!typed.isEmpty() && !UserRules::validatePassword(typed)) {
        showError(tr("A password needs at least %1 characters.").arg(UserRules::MinPasswordLength));
        return;
    }
    m_reset->setEnabled(false); // one request at a time
    m_result->clear();
    m_session.adminResetPassword(m_username, typed)
        .then(&m_session, [self = QPointer(this)](Result<Protocol::AdminResetPasswordReply> reply) {
            if (!self)
                return;
            self->m_reset->setEnabled(true);
            if (!reply)
                self->showError(
                    tr("Could not reset the password: %1").arg(ErrorText::describe(reply.error())));
            else
                self->showPassword(reply->password);
        });
}

void ResetPasswordDialog::showPassword(const QString &password)
{
    m_typed->clear();
    m_password->setText(password);
    m_stages->setCurrentIndex(1);
    m_copy->setFocus();
    Q_EMIT passwordReset(m_username);
}

void ResetPasswordDialog::showError(const QString &text)
{
    m_result->setText(text);
}

QString ResetPasswordDialog::newPassword() const
{
    return m_password->text();
}

} // namespace Banter::Desktop
