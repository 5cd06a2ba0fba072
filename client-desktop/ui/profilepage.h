// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>
#include <banter/domain/user.h>

#include <QImage>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// Settings: what others see of the user — the picture and the display name
// (update_profile), with the username the name falls back to. A picture is chosen from an
// image file, cut to its centred square and scaled and encoded here to fit the protocol's
// limits (AvatarBook::encode), then sent at once; "Remove" goes back to initials.
// objectNames: profileAvatar (the preview), chooseAvatarButton, removeAvatarButton,
// avatarFileDialog, profileDisplayName, saveProfileButton, profileResult.
class ProfilePage : public QWidget
{
    Q_OBJECT
public:
    explicit ProfilePage(ClientSession &session, QWidget *parent = nullptr);

    void save();
    // Opens the file dialog (non-native, so it looks and behaves the same everywhere).
    void choosePicture();
    // Makes a picture from the image at `path` and sends it; says why not in profileResult.
    void setPictureFromFile(const QString &path);
    void removePicture();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void finish(const Result<User> &saved);
    void finishPicture(const Result<User> &saved, bool removed);
    void sendPicture(const QByteArray &bytes, bool removed);
    void showPreview();

    ClientSession &m_session;
    QLabel *m_avatar;
    QPushButton *m_choose;
    QPushButton *m_remove;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QLabel *m_usernameLabel;
    QLabel *m_username;
    QPushButton *m_save;
    QLabel *m_result;
    QImage m_picture; // what the preview shows; null: initials
};

} // namespace Banter::Desktop
