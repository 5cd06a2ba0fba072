// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/profilepage.h"

#include "core/avatarbook.h"
#include "core/errortext.h"
#include "ui/avatar.h"
#include <banter/client/clientsession.h>

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <cmath>

namespace Banter::Desktop {

using namespace Qt::StringLiterals;

namespace {
constexpr int PreviewSide = 96;
// Larger files are refused before decoding: a picture is cut to 256 pixels anyway.
constexpr qint64 MaxSourceBytes = 50LL * 1024 * 1024;
} // namespace

ProfilePage::ProfilePage(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_avatar(new QLabel(this))
    , m_choose(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_nameLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_usernameLabel(new QLabel(this))
    , m_username(new QLabel(this))
    , m_save(new QPushButton(this))
    , m_result(new QLabel(this))
{
    m_avatar->setObjectName(QStringLiteral("profileAvatar"));
    m_choose->setObjectName(QStringLiteral("chooseAvatarButton"));
    m_remove->setObjectName(QStringLiteral("removeAvatarButton"));
    m_name->setObjectName(QStringLiteral("profileDisplayName"));
    m_save->setObjectName(QStringLiteral("saveProfileButton"));
    m_result->setObjectName(QStringLiteral("profileResult"));
    m_result->setWordWrap(true);
    m_avatar->setFixedSize(PreviewSide, PreviewSide);
    m_name->setMaxLength(UserRules::MaxDisplayNameLength);
    const User me = session.currentUser();
    m_name->setText(me.displayName);
    m_username->setText(u'@' + me.username);
    m_username->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The picture the session holds (or fetches: avatarReceived below).
    if (const QByteArray held = session.avatar(me.id, me.avatarVersion); !held.isEmpty())
        m_picture = QImage::fromData(held);

    auto *buttons = new QVBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_choose);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *pictureRow = new QHBoxLayout;
    pictureRow->addWidget(m_avatar);
    pictureRow->addLayout(buttons);
    pictureRow->addStretch(1);
    auto *form = new QFormLayout(this);
    form->addRow(pictureRow);
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_usernameLabel, m_username);
    form->addRow(QString(), m_save);
    form->addRow(QString(), m_result);
    connect(m_choose, &QPushButton::clicked, this, &ProfilePage::choosePicture);
    connect(m_remove, &QPushButton::clicked, this, &ProfilePage::removePicture);
    connect(m_save, &QPushButton::clicked, this, &ProfilePage::save);
    connect(m_name, &QLineEdit::returnPressed, this, &ProfilePage::save);
    connect(m_name, &QLineEdit::textEdited, m_result, &QLabel::clear);
    connect(m_name, &QLineEdit::textChanged, this, &ProfilePage::showPreview);
    connect(&session, &ClientSession::avatarReceived, this,
            [this](UserId user, qint64, const QByteArray &data) {
                if (user != m_session.currentUser().id)
                    return;
                m_picture = QImage::fromData(data);
                showPreview();
            });
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

void ProfilePage::choosePicture()
{
    QStringList patterns;
    for (const QByteArray &format : QImageReader::supportedImageFormats())
        patterns.append(u"*."_s + QString::fromLatin1(format));
    auto *dialog =
        new QFileDialog(this, tr("Choose a picture"),
                        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
                        tr("Images (%1)").arg(patterns.join(u' ')));
    dialog->setObjectName(QStringLiteral("avatarFileDialog"));
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &ProfilePage::setPictureFromFile);
    dialog->open();
}

void ProfilePage::setPictureFromFile(const QString &path)
{
    if (QFileInfo(path).size() > MaxSourceBytes) {
        m_result->setText(tr("That file is too large to be a picture."));
        return;
    }
    QImageReader reader(path);
    reader.setAutoTransform(true); // a phone photo stands the right way up
    const QImage image = reader.read();
    if (image.isNull()) {
        m_result->setText(tr("That file is not a picture this program can read."));
        return;
    }
    const QByteArray bytes = AvatarBook::encode(image);
    if (bytes.isEmpty()) {
        m_result->setText(tr("That picture could not be made small enough."));
        return;
    }
    m_picture = QImage::fromData(bytes); // the preview shows what others will see
    showPreview();
    sendPicture(bytes, false);
}

void ProfilePage::removePicture()
{
    m_picture = QImage();
    showPreview();
    sendPicture({}, true);
}

void ProfilePage::sendPicture(const QByteArray &bytes, bool removed)
{
    m_choose->setEnabled(false);
    m_remove->setEnabled(false);
    m_result->setText(tr("Sending…"));
    m_session.setAvatar(bytes).then(&m_session,
                                    [self = QPointer(this), removed](Result<User> saved) {
                                        if (self)
                                            self->finishPicture(saved, removed);
                                    });
}

void ProfilePage::finishPicture(const Result<User> &saved, bool removed)
{
    m_choose->setEnabled(true);
    if (!saved) {
        m_result->setText(
            tr("Your picture was not saved: %1").arg(ErrorText::describe(saved.error())));
        // Show the picture the server still has.
        const User me = m_session.currentUser();
        m_picture = QImage::fromData(m_session.avatar(me.id, me.avatarVersion));
        showPreview();
        return;
    }
    m_result->setText(removed ? tr("Picture removed. People you chat with see your initials.")
                              : tr("Saved. People you chat with see the new picture."));
    showPreview();
}

void ProfilePage::showPreview()
{
    const qreal ratio = devicePixelRatioF();
    const QString name = m_name->text().trimmed().isEmpty() ? m_session.currentUser().username
                                                            : m_name->text().trimmed();
    QPixmap preview =
        QPixmap::fromImage(Avatar::render(name, int(std::lround(PreviewSide * ratio)), m_picture));
    preview.setDevicePixelRatio(ratio);
    m_avatar->setPixmap(preview);
    m_remove->setEnabled(!m_picture.isNull() && m_choose->isEnabled());
}

void ProfilePage::retranslate()
{
    m_avatar->setToolTip(tr("Your picture, as others see it"));
    m_choose->setText(tr("Choose picture…"));
    m_remove->setText(tr("Remove picture"));
    m_nameLabel->setText(tr("Display name:"));
    m_name->setPlaceholderText(tr("Shown instead of your username"));
    m_usernameLabel->setText(tr("Username:"));
    m_save->setText(tr("Save profile"));
    showPreview();
}

void ProfilePage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace Banter::Desktop
