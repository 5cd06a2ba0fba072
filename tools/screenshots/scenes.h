// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QDir;

namespace Banter::Screenshots {

// Each scene starts its own server and users, renders its pictures into `out`, and returns
// false (having said why on stderr) if any step failed.

// The main window in both palettes, the contacts tab, the sign-in dialog, the group info
// dialog and the tray icons: main-*.png, contacts-light.png, signin-*.png,
// groupinfo-dark.png, tray-*.png.
bool shootChat(const QDir &out);
// Files and images sent and received, files waiting in the preview strip, a narrow window,
// and the image viewer: files-*.png.
bool shootFiles(const QDir &out);
// The trust dialog of a first meeting with a self-signed server (both palettes and in
// Chinese), the sign-in dialog's mismatch note, and the sign-in dialog filled in from an
// invitation link: trust-*.png, signin-mismatch-light.png, signin-invite-light.png.
bool shootTrust(const QDir &out);
// "Servers on your network" in the sign-in dialog, and the first-use question for a server
// found there whose announcement claimed another certificate: signin-lan-light.png,
// trust-discovered-light.png.
bool shootLan(const QDir &out);
// The profile page with a picture, and the window showing people's pictures:
// profile-light.png, main-avatars-light.png.
bool shootProfile(const QDir &out);
// Message search beside a group, a reply being written, and @-completion, in both palettes:
// search-*.png, compose-mention-light.png.
bool shootSearch(const QDir &out);
// The admin page of a server admin, the one-time password a reset shows, and the page in
// Chinese: admin-light.png, admin-reset-light.png, admin-zh_CN.png.
bool shootAdmin(const QDir &out);
// A message's menu over a conversation with an edited and a deleted message (both palettes and
// Chinese), and a reply's quote followed far up with the "jump to latest" count:
// messages-*.png.
bool shootMessages(const QDir &out);

} // namespace Banter::Screenshots
