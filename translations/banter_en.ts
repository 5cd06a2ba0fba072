<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttachmentBubble</name>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 · Waiting for connection</source>
        <translation>%1 · Waiting for connection</translation>
    </message>
    <message>
        <source>%1 · Preparing…</source>
        <translation>%1 · Preparing…</translation>
    </message>
    <message>
        <source>%1 · Paused</source>
        <translation>%1 · Paused</translation>
    </message>
    <message>
        <source>%1 · Sending…</source>
        <translation>%1 · Sending…</translation>
    </message>
    <message>
        <source>%1 · Failed</source>
        <translation>%1 · Failed</translation>
    </message>
    <message>
        <source>%1 · Waiting for other uploads</source>
        <translation>%1 · Waiting for other uploads</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Show in folder</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::AccountBadge</name>
    <message>
        <source>Your status, as others see it</source>
        <translation>Your status, as others see it</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Away</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::AccountStore</name>
    <message>
        <source>No system keychain is available (%1). You stay signed in until Banter closes.</source>
        <translation>No system keychain is available (%1). You stay signed in until Banter closes.</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::AdminPage</name>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Load more</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Sessions…</source>
        <translation>Sessions…</translation>
    </message>
    <message>
        <source>Filter accounts</source>
        <translation>Filter accounts</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Sets a new password and signs the account out everywhere</source>
        <translation>Sets a new password and signs the account out everywhere</translation>
    </message>
    <message>
        <source>The devices the account is signed in on</source>
        <translation>The devices the account is signed in on</translation>
    </message>
    <message>
        <source>Could not list the accounts: %1</source>
        <translation>Could not list the accounts: %1</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Remove admin</source>
        <translation>Remove admin</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Make admin</translation>
    </message>
    <message>
        <source>This is your own account: change your password and devices in Settings.</source>
        <translation>This is your own account: change your password and devices in Settings.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) loaded; there are more.</source>
        <translation>
            <numerusform>%n account loaded; there are more.</numerusform>
            <numerusform>%n accounts loaded; there are more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s).</source>
        <translation>
            <numerusform>%n account.</numerusform>
            <numerusform>%n accounts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Disable %1? They are signed out on every device and cannot sign in until the account is enabled again.</source>
        <translation>Disable %1? They are signed out on every device and cannot sign in until the account is enabled again.</translation>
    </message>
    <message>
        <source>Enable %1 again? They can then sign in with their password.</source>
        <translation>Enable %1 again? They can then sign in with their password.</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <source>Enable account</source>
        <translation>Enable account</translation>
    </message>
    <message>
        <source>%1 is disabled and was signed out everywhere.</source>
        <translation>%1 is disabled and was signed out everywhere.</translation>
    </message>
    <message>
        <source>%1 is enabled again.</source>
        <translation>%1 is enabled again.</translation>
    </message>
    <message>
        <source>Make %1 a server admin? They can then disable accounts, reset passwords and end sessions, yours included.</source>
        <translation>Make %1 a server admin? They can then disable accounts, reset passwords and end sessions, yours included.</translation>
    </message>
    <message>
        <source>Take the server admin rights from %1?</source>
        <translation>Take the server admin rights from %1?</translation>
    </message>
    <message>
        <source>%1 is now a server admin.</source>
        <translation>%1 is now a server admin.</translation>
    </message>
    <message>
        <source>%1 is no longer a server admin.</source>
        <translation>%1 is no longer a server admin.</translation>
    </message>
    <message>
        <source>Could not change %1: %2</source>
        <translation>Could not change %1: %2</translation>
    </message>
    <message>
        <source>The password of %1 was reset; they were signed out.</source>
        <translation>The password of %1 was reset; they were signed out.</translation>
    </message>
    <message>
        <source>Find accounts by name</source>
        <translation>Find accounts by name</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::AdminSessionsDialog</name>
    <message>
        <source>Sign out this session</source>
        <translation>Sign out this session</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Sign out everywhere</translation>
    </message>
    <message>
        <source>Sessions of %1</source>
        <translation>Sessions of %1</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Last used</translation>
    </message>
    <message>
        <source>Ends the selected session: that device must sign in again</source>
        <translation>Ends the selected session: that device must sign in again</translation>
    </message>
    <message>
        <source>Ends every session of %1</source>
        <translation>Ends every session of %1</translation>
    </message>
    <message>
        <source>Could not list the sessions: %1</source>
        <translation>Could not list the sessions: %1</translation>
    </message>
    <message>
        <source>%1 is not signed in anywhere.</source>
        <translation>%1 is not signed in anywhere.</translation>
    </message>
    <message>
        <source>Sign out a session</source>
        <translation>Sign out a session</translation>
    </message>
    <message>
        <source>Sign %1 out on “%2”? That device must sign in again.</source>
        <translation>Sign %1 out on “%2”? That device must sign in again.</translation>
    </message>
    <message>
        <source>Sign %1 out on every device?</source>
        <translation>Sign %1 out on every device?</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) signed out.</source>
        <translation>
            <numerusform>%n session signed out.</numerusform>
            <numerusform>%n sessions signed out.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not sign out: %1</source>
        <translation>Could not sign out: %1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::AdminUsersModel</name>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Disabled since %1</source>
        <translation>Disabled since %1</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Server admin</source>
        <translation>Server admin</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <source>Online now</source>
        <translation>Online now</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::AttachmentStrip</name>
    <message>
        <source>Pasted image</source>
        <translation>Pasted image</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::CertificateGuard</name>
    <message>
        <source>Issued to: %1
Valid from %2 to %3
SHA-256: %4</source>
        <translation>Issued to: %1
Valid from %2 to %3
SHA-256: %4</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>Server identity changed</source>
        <translation>Server identity changed</translation>
    </message>
    <message>
        <source>&lt;b&gt;The certificate of %1 is not trusted.&lt;/b&gt;</source>
        <translation>&lt;b&gt;The certificate of %1 is not trusted.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The certificate of %1 has changed.&lt;/b&gt;</source>
        <translation>&lt;b&gt;The certificate of %1 has changed.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Someone may be intercepting your connection, or the server&apos;s administrator replaced its certificate. Banter has disconnected and sent nothing.

Trust the new certificate only if the administrator confirms its fingerprint (shown in the details; banterd writes it to its log when it starts).</source>
        <translation>Someone may be intercepting your connection, or the server&apos;s administrator replaced its certificate. Banter has disconnected and sent nothing.

Trust the new certificate only if the administrator confirms its fingerprint (shown in the details; banterd writes it to its log when it starts).</translation>
    </message>
    <message>
        <source>Trusted until now — SHA-256: %1</source>
        <translation>Trusted until now — SHA-256: %1</translation>
    </message>
    <message>
        <source>Stay disconnected</source>
        <translation>Stay disconnected</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Trust the new certificate</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ComposeBar</name>
    <message>
        <source>Reply to %1</source>
        <translation>Reply to %1</translation>
    </message>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation>Cancel the reply (Esc)</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Editing</translation>
    </message>
    <message>
        <source>Cancel editing (Esc)</source>
        <translation>Cancel editing (Esc)</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ComposeController</name>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <source>Not edited: this message can no longer be changed (the time for edits has passed).</source>
        <translation>Not edited: this message can no longer be changed (the time for edits has passed).</translation>
    </message>
    <message>
        <source>Not edited: the message was deleted, or you are no longer in the conversation.</source>
        <translation>Not edited: the message was deleted, or you are no longer in the conversation.</translation>
    </message>
    <message>
        <source>Not edited: %1</source>
        <translation>Not edited: %1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>Write a message…</translation>
    </message>
    <message>
        <source>Too long to send: remove 1 character.</source>
        <translation>Too long to send: remove 1 character.</translation>
    </message>
    <message>
        <source>Too long to send: remove %1 characters.</source>
        <translation>Too long to send: remove %1 characters.</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Someone</translation>
    </message>
    <message>
        <source>An edited message cannot be empty. To take it back, delete it.</source>
        <translation>An edited message cannot be empty. To take it back, delete it.</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ContactDelegate</name>
    <message>
        <source>blocked</source>
        <translation>blocked</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>away</source>
        <translation>away</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>last seen today at %1</source>
        <translation>last seen today at %1</translation>
    </message>
    <message>
        <source>last seen yesterday at %1</source>
        <translation>last seen yesterday at %1</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>last seen %1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ContactsPanel</name>
    <message>
        <source>Add contact…</source>
        <translation>Add contact…</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Open chat</source>
        <translation>Open chat</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Unblock</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Remove contact</translation>
    </message>
    <message>
        <source>People in your chats</source>
        <translation>People in your chats</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add the selected person to your contacts</source>
        <translation>Add the selected person to your contacts</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ConversationHeader</name>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>away</source>
        <translation>away</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>last seen just now</source>
        <translation>last seen just now</translation>
    </message>
    <message>
        <source>last seen 1 minute ago</source>
        <translation>last seen 1 minute ago</translation>
    </message>
    <message>
        <source>last seen %1 minutes ago</source>
        <translation>last seen %1 minutes ago</translation>
    </message>
    <message>
        <source>last seen today at %1</source>
        <translation>last seen today at %1</translation>
    </message>
    <message>
        <source>last seen yesterday at %1</source>
        <translation>last seen yesterday at %1</translation>
    </message>
    <message>
        <source>last seen on %1</source>
        <translation>last seen on %1</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 is typing…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 and %2 are typing…</translation>
    </message>
    <message>
        <source>%1 people are typing…</source>
        <translation>%1 people are typing…</translation>
    </message>
    <message>
        <source>1 member</source>
        <translation>1 member</translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation>%1 members</translation>
    </message>
    <message>
        <source>%1, %2 online</source>
        <translation>%1, %2 online</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ConversationListModel</name>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::DesktopNotifications</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::DevicesPage</name>
    <message>
        <source>Could not list the devices: %1</source>
        <translation>Could not list the devices: %1</translation>
    </message>
    <message>
        <source>%1 (this device)</source>
        <translation>%1 (this device)</translation>
    </message>
    <message>
        <source>%1 — last used %2</source>
        <translation>%1 — last used %2</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Signed out.</translation>
    </message>
    <message>
        <source>Could not sign the device out: %1</source>
        <translation>Could not sign the device out: %1</translation>
    </message>
    <message>
        <source>Sign out this device</source>
        <translation>Sign out this device</translation>
    </message>
    <message>
        <source>Signs the selected device out of your account</source>
        <translation>Signs the selected device out of your account</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::EmojiPicker</name>
    <message>
        <source>Choose an emoji</source>
        <translation>Choose an emoji</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ErrorText</name>
    <message>
        <source>The file</source>
        <translation>The file</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not valid.</source>
        <translation>The server&apos;s certificate is not valid.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed since the last connection.</source>
        <translation>The server&apos;s certificate has changed since the last connection.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 cannot be read.</translation>
    </message>
    <message>
        <source>%1 is empty; empty files cannot be sent.</source>
        <translation>%1 is empty; empty files cannot be sent.</translation>
    </message>
    <message>
        <source>%1 changed while it was being sent.</source>
        <translation>%1 changed while it was being sent.</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>%1 cannot be written.</translation>
    </message>
    <message>
        <source>%1 kept arriving out of step; try again.</source>
        <translation>%1 kept arriving out of step; try again.</translation>
    </message>
    <message>
        <source>%1 arrived damaged; try again.</source>
        <translation>%1 arrived damaged; try again.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one trusted for it; transfers were stopped.</source>
        <translation>The server&apos;s certificate is not the one trusted for it; transfers were stopped.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted yet: compare its fingerprint and choose whether to trust it.</source>
        <translation>The server&apos;s certificate is not trusted yet: compare its fingerprint and choose whether to trust it.</translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation>Try again in a moment.</translation>
    </message>
    <message>
        <source>Try again in 1 second.</source>
        <translation>Try again in 1 second.</translation>
    </message>
    <message>
        <source>Try again in %1 seconds.</source>
        <translation>Try again in %1 seconds.</translation>
    </message>
    <message>
        <source>Try again in %1 minutes.</source>
        <translation>Try again in %1 minutes.</translation>
    </message>
    <message>
        <source>The server did not accept what was sent.</source>
        <translation>The server did not accept what was sent.</translation>
    </message>
    <message>
        <source>The server runs a version of Banter that does not understand this one; update Banter or ask the server&apos;s administrator.</source>
        <translation>The server runs a version of Banter that does not understand this one; update Banter or ask the server&apos;s administrator.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>You are not signed in.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <source>Your sign-in has expired; sign in again.</source>
        <translation>Your sign-in has expired; sign in again.</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>You are not allowed to do that.</translation>
    </message>
    <message>
        <source>That no longer exists, or you cannot see it.</source>
        <translation>That no longer exists, or you cannot see it.</translation>
    </message>
    <message>
        <source>That is already taken.</source>
        <translation>That is already taken.</translation>
    </message>
    <message>
        <source>Too many attempts.</source>
        <translation>Too many attempts.</translation>
    </message>
    <message>
        <source>That is larger than the server accepts.</source>
        <translation>That is larger than the server accepts.</translation>
    </message>
    <message>
        <source>A limit of the server has been reached.</source>
        <translation>A limit of the server has been reached.</translation>
    </message>
    <message>
        <source>This server does not accept new accounts; ask its administrator for one.</source>
        <translation>This server does not accept new accounts; ask its administrator for one.</translation>
    </message>
    <message>
        <source>The recipient has blocked you.</source>
        <translation>The recipient has blocked you.</translation>
    </message>
    <message>
        <source>The server ran into a problem; nothing was changed. Try again later.</source>
        <translation>The server ran into a problem; nothing was changed. Try again later.</translation>
    </message>
    <message>
        <source>The server cannot be reached right now. Try again later.</source>
        <translation>The server cannot be reached right now. Try again later.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>The server refused the request.</translation>
    </message>
    <message>
        <source>This server takes new accounts by invitation only, and this invitation is not valid (mistyped, or withdrawn). Ask for a new one.</source>
        <translation>This server takes new accounts by invitation only, and this invitation is not valid (mistyped, or withdrawn). Ask for a new one.</translation>
    </message>
    <message>
        <source>This invitation has expired. Ask for a new one.</source>
        <translation>This invitation has expired. Ask for a new one.</translation>
    </message>
    <message>
        <source>This invitation has already been used. Ask for a new one.</source>
        <translation>This invitation has already been used. Ask for a new one.</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::FileTransfers</name>
    <message>
        <source>“%1” is larger than this server accepts.</source>
        <translation>“%1” is larger than this server accepts.</translation>
    </message>
    <message>
        <source>“%1” cannot be sent now: your storage on the server is full, or too many uploads are running.</source>
        <translation>“%1” cannot be sent now: your storage on the server is full, or too many uploads are running.</translation>
    </message>
    <message>
        <source>“%1” is no longer available.</source>
        <translation>“%1” is no longer available.</translation>
    </message>
    <message>
        <source>“%1” was not sent: the recipient blocked you.</source>
        <translation>“%1” was not sent: the recipient blocked you.</translation>
    </message>
    <message>
        <source>You may not send “%1” here.</source>
        <translation>You may not send “%1” here.</translation>
    </message>
    <message>
        <source>The server could not handle “%1” right now; try again later.</source>
        <translation>The server could not handle “%1” right now; try again later.</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>“%1”: %2</translation>
    </message>
    <message>
        <source>“%1” cannot be read.</source>
        <translation>“%1” cannot be read.</translation>
    </message>
    <message>
        <source>“%1” is empty; empty files cannot be sent.</source>
        <translation>“%1” is empty; empty files cannot be sent.</translation>
    </message>
    <message>
        <source>Pasted image %1.png</source>
        <translation>Pasted image %1.png</translation>
    </message>
    <message>
        <source>The pasted image could not be saved to %1.</source>
        <translation>The pasted image could not be saved to %1.</translation>
    </message>
    <message>
        <source>Could not save to %1.</source>
        <translation>Could not save to %1.</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::GroupInfoDialog</name>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Remove from group</translation>
    </message>
    <message>
        <source>Add to group</source>
        <translation>Add to group</translation>
    </message>
    <message>
        <source>Leave group…</source>
        <translation>Leave group…</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Add people</source>
        <translation>Add people</translation>
    </message>
    <message>
        <source>Group info — %1</source>
        <translation>Group info — %1</translation>
    </message>
    <message>
        <source>%1 (@%2)</source>
        <translation>%1 (@%2)</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>you</source>
        <translation>you</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Leave group</translation>
    </message>
    <message>
        <source>Leave “%1”? You will no longer receive its messages.</source>
        <translation>Leave “%1”? You will no longer receive its messages.</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ImageViewer</name>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Fit to window (F)</source>
        <translation>Fit to window (F)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>Zoom in (+, Ctrl+wheel)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Zoom out (−, Ctrl+wheel)</source>
        <translation>Zoom out (−, Ctrl+wheel)</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Actual size (0)</source>
        <translation>Actual size (0)</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>%1 × %2 · %3 · %4%</source>
        <translation>%1 × %2 · %3 · %4%</translation>
    </message>
    <message>
        <source>Waiting for connection…</source>
        <translation>Waiting for connection…</translation>
    </message>
    <message>
        <source>Loading the full image… %1 of %2</source>
        <translation>Loading the full image… %1 of %2</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::LanServerList</name>
    <message>
        <source>%1 · 🔒 TLS</source>
        <translation>%1 · 🔒 TLS</translation>
    </message>
    <message>
        <source>%1 · no TLS (not encrypted)</source>
        <translation>%1 · no TLS (not encrypted)</translation>
    </message>
    <message>
        <source>Servers on your network:</source>
        <translation>Servers on your network:</translation>
    </message>
    <message>
        <source>Servers on your network</source>
        <translation>Servers on your network</translation>
    </message>
    <message>
        <source>Choose one to fill in the server address. Found servers are not verified: Banter still asks you to check the certificate the first time.</source>
        <translation>Choose one to fill in the server address. Found servers are not verified: Banter still asks you to check the certificate the first time.</translation>
    </message>
    <message>
        <source>Not searching this network for servers; type the address above.</source>
        <translation>Not searching this network for servers; type the address above.</translation>
    </message>
    <message>
        <source>Searching for servers on your network…</source>
        <translation>Searching for servers on your network…</translation>
    </message>
    <message>
        <source>No servers found on your network yet. You can type an address above.</source>
        <translation>No servers found on your network yet. You can type an address above.</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::LanServerModel</name>
    <message>
        <source>%1 at %2, %3</source>
        <extracomment>A server in the list of servers on the network, for screen readers: name, address, and whether the connection is encrypted.</extracomment>
        <translation>%1 at %2, %3</translation>
    </message>
    <message>
        <source>encrypted (TLS)</source>
        <translation>encrypted (TLS)</translation>
    </message>
    <message>
        <source>not encrypted (no TLS)</source>
        <translation>not encrypted (no TLS)</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::MainWindow</name>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Banter</source>
        <translation>Banter</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Search conversations</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Offline — reconnecting; messages you write are kept and sent later</source>
        <translation>Offline — reconnecting; messages you write are kept and sent later</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Could not log out: %1</source>
        <translation>Could not log out: %1</translation>
    </message>
    <message>
        <source>Group info</source>
        <translation>Group info</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;New chat…</source>
        <translation>&amp;New chat…</translation>
    </message>
    <message>
        <source>&amp;Go to conversation…</source>
        <translation>&amp;Go to conversation…</translation>
    </message>
    <message>
        <source>Group &amp;info…</source>
        <translation>Group &amp;info…</translation>
    </message>
    <message>
        <source>&amp;Next conversation</source>
        <translation>&amp;Next conversation</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>&amp;Previous conversation</translation>
    </message>
    <message>
        <source>Show Banter</source>
        <translation>Show Banter</translation>
    </message>
    <message>
        <source>Could not start the chat: %1</source>
        <translation>Could not start the chat: %1</translation>
    </message>
    <message>
        <source>Unmute notifications</source>
        <translation>Unmute notifications</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Mute notifications</translation>
    </message>
    <message>
        <source>Group info…</source>
        <translation>Group info…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <source>Sent a photo</source>
        <translation>Sent a photo</translation>
    </message>
    <message>
        <source>Sent a file: %1</source>
        <translation>Sent a file: %1</translation>
    </message>
    <message>
        <source>Open a conversation to send files to.</source>
        <translation>Open a conversation to send files to.</translation>
    </message>
    <message>
        <source>No application could open %1.</source>
        <translation>No application could open %1.</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>No conversation is open.
Choose one on the left, or start a new chat with %1.</source>
        <translation>No conversation is open.
Choose one on the left, or start a new chat with %1.</translation>
    </message>
    <message>
        <source>You are no longer in “%1”.</source>
        <translation>You are no longer in “%1”.</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Write a message…</translation>
    </message>
    <message>
        <source>Add a caption…</source>
        <translation>Add a caption…</translation>
    </message>
    <message>
        <source>No application could show the folder %1.</source>
        <translation>No application could show the folder %1.</translation>
    </message>
    <message>
        <source>Quit Banter</source>
        <translation>Quit Banter</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) you wrote are not sent yet. They are kept and sent when Banter next connects.

Quit anyway?</source>
        <translation>
            <numerusform>%n message you wrote is not sent yet. It is kept and sent when Banter next connects.

Quit anyway?</numerusform>
            <numerusform>%n messages you wrote are not sent yet. They are kept and sent when Banter next connects.

Quit anyway?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Find in conversation…</source>
        <translation>&amp;Find in conversation…</translation>
    </message>
    <message>
        <source>Find in &amp;all conversations…</source>
        <translation>Find in &amp;all conversations…</translation>
    </message>
    <message>
        <source>Server &amp;administration…</source>
        <translation>Server &amp;administration…</translation>
    </message>
    <message>
        <source>Server administration</source>
        <translation>Server administration</translation>
    </message>
    <message>
        <source>That message is in a conversation you are not in.</source>
        <translation>That message is in a conversation you are not in.</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::MessageDelegate</name>
    <message>
        <source>New messages</source>
        <translation>New messages</translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>Message deleted</translation>
    </message>
    <message>
        <source>Deleted message</source>
        <translation>Deleted message</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>Edited %1</translation>
    </message>
    <message>
        <source>%1 — loading who reacted…</source>
        <translation>%1 — loading who reacted…</translation>
    </message>
    <message>
        <source>Reply, react and more</source>
        <translation>Reply, react and more</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::MessageListModel</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::MessageMenu</name>
    <message>
        <source>React with %1</source>
        <translation>React with %1</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>More…</translation>
    </message>
    <message>
        <source>Choose another emoji</source>
        <translation>Choose another emoji</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Reply</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Copy text</translation>
    </message>
    <message>
        <source>&amp;Select text</source>
        <translation>&amp;Select text</translation>
    </message>
    <message>
        <source>Copy &amp;link to message</source>
        <translation>Copy &amp;link to message</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::MessageView</name>
    <message>
        <source>Only web and e-mail links open from messages.</source>
        <translation>Only web and e-mail links open from messages.</translation>
    </message>
    <message>
        <source>The original message is no longer available.</source>
        <translation>The original message is no longer available.</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Delete message</translation>
    </message>
    <message>
        <source>Delete this message for everyone in the conversation?</source>
        <translation>Delete this message for everyone in the conversation?</translation>
    </message>
    <message>
        <source>Delete this message by another member for everyone in the group?</source>
        <translation>Delete this message by another member for everyone in the group?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>The message could not be deleted: %1</source>
        <translation>The message could not be deleted: %1</translation>
    </message>
    <message numerus="yes">
        <source>↓ %n new message(s)</source>
        <translation>
            <numerusform>↓ %n new message</numerusform>
            <numerusform>↓ %n new messages</numerusform>
        </translation>
    </message>
    <message>
        <source>↓ Jump to latest</source>
        <translation>↓ Jump to latest</translation>
    </message>
    <message>
        <source>Jump to the newest message (End)</source>
        <translation>Jump to the newest message (End)</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::NewChatDialog</name>
    <message>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <source>e.g. Weekend trip</source>
        <translation>e.g. Weekend trip</translation>
    </message>
    <message>
        <source>Start chat</source>
        <translation>Start chat</translation>
    </message>
    <message>
        <source>Private chat</source>
        <translation>Private chat</translation>
    </message>
    <message>
        <source>Group name:</source>
        <translation>Group name:</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>Members:</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>New group</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>Create group</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <source>Could not create the chat: %1</source>
        <translation>Could not create the chat: %1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::Notifier</name>
    <message numerus="yes">
        <source>%n new messages in %1</source>
        <translation>
            <numerusform>%n new message in %1</numerusform>
            <numerusform>%n new messages in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chats</source>
        <translation>
            <numerusform>%n chat</numerusform>
            <numerusform>%n chats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::PasswordPage</name>
    <message>
        <source>The new passwords do not match.</source>
        <translation>The new passwords do not match.</translation>
    </message>
    <message>
        <source>The new password needs at least %1 characters.</source>
        <translation>The new password needs at least %1 characters.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>The current password is not right.</translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation>The password was not changed: %1</translation>
    </message>
    <message>
        <source>Password changed. Your other devices were signed out.</source>
        <translation>Password changed. Your other devices were signed out.</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Repeat it:</translation>
    </message>
    <message>
        <source>Changing the password signs out every other device.</source>
        <translation>Changing the password signs out every other device.</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::PeoplePicker</name>
    <message>
        <source>Search contacts or all users</source>
        <translation>Search contacts or all users</translation>
    </message>
    <message>
        <source>%1 (@%2)</source>
        <translation>%1 (@%2)</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ProfilePage</name>
    <message>
        <source>Your profile was not saved: %1</source>
        <translation>Your profile was not saved: %1</translation>
    </message>
    <message>
        <source>Saved. People you chat with see the new name.</source>
        <translation>Saved. People you chat with see the new name.</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Display name:</translation>
    </message>
    <message>
        <source>Shown instead of your username</source>
        <translation>Shown instead of your username</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>Choose a picture</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <source>That file is too large to be a picture.</source>
        <translation>That file is too large to be a picture.</translation>
    </message>
    <message>
        <source>That file is not a picture this program can read.</source>
        <translation>That file is not a picture this program can read.</translation>
    </message>
    <message>
        <source>That picture could not be made small enough.</source>
        <translation>That picture could not be made small enough.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Your picture was not saved: %1</source>
        <translation>Your picture was not saved: %1</translation>
    </message>
    <message>
        <source>Picture removed. People you chat with see your initials.</source>
        <translation>Picture removed. People you chat with see your initials.</translation>
    </message>
    <message>
        <source>Saved. People you chat with see the new picture.</source>
        <translation>Saved. People you chat with see the new picture.</translation>
    </message>
    <message>
        <source>Your picture, as others see it</source>
        <translation>Your picture, as others see it</translation>
    </message>
    <message>
        <source>Choose picture…</source>
        <translation>Choose picture…</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>Remove picture</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::QuickSwitcher</name>
    <message>
        <source>Go to conversation</source>
        <translation>Go to conversation</translation>
    </message>
    <message>
        <source>Type a conversation name, Enter to open</source>
        <translation>Type a conversation name, Enter to open</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Reset the password of %1</source>
        <translation>Reset the password of %1</translation>
    </message>
    <message>
        <source>%1 gets a new password and is signed out on every device. Leave the field empty for a one-time password made by the server.</source>
        <translation>%1 gets a new password and is signed out on every device. Leave the field empty for a one-time password made by the server.</translation>
    </message>
    <message>
        <source>Generate one</source>
        <translation>Generate one</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>This password is shown only once. Give it to %1 in a safe way; they should change it after signing in.</source>
        <translation>This password is shown only once. Give it to %1 in a safe way; they should change it after signing in.</translation>
    </message>
    <message>
        <source>The new password</source>
        <translation>The new password</translation>
    </message>
    <message>
        <source>Copy the new password</source>
        <translation>Copy the new password</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>A password needs at least %1 characters.</translation>
    </message>
    <message>
        <source>Could not reset the password: %1</source>
        <translation>Could not reset the password: %1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::SearchPanel</name>
    <message>
        <source>Search failed: %1</source>
        <translation>Search failed: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Nothing found yet; older messages remain.</source>
        <translation>Nothing found yet; older messages remain.</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>No messages found.</translation>
    </message>
    <message>
        <source>Search all conversations</source>
        <translation>Search all conversations</translation>
    </message>
    <message>
        <source>Search in %1</source>
        <translation>Search in %1</translation>
    </message>
    <message>
        <source>Close the search (Esc)</source>
        <translation>Close the search (Esc)</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Search messages</translation>
    </message>
    <message>
        <source>More results</source>
        <translation>More results</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::SearchResultsModel</name>
    <message>
        <source>Former member</source>
        <translation>Former member</translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::SettingsDialog</name>
    <message>
        <source>Show a notification for new messages</source>
        <translation>Show a notification for new messages</translation>
    </message>
    <message>
        <source>Start minimised to the system tray</source>
        <translation>Start minimised to the system tray</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Theme:</translation>
    </message>
    <message>
        <source>Notifications:</source>
        <translation>Notifications:</translation>
    </message>
    <message>
        <source>Start-up:</source>
        <translation>Start-up:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Connection:</translation>
    </message>
    <message>
        <source>Not encrypted: anyone on the network can read it.</source>
        <translation>Not encrypted: anyone on the network can read it.</translation>
    </message>
    <message>
        <source>Encrypted; the server&apos;s certificate is vouched for by a trusted authority.</source>
        <translation>Encrypted; the server&apos;s certificate is vouched for by a trusted authority.</translation>
    </message>
    <message>
        <source>Encrypted (not connected now).</source>
        <translation>Encrypted (not connected now).</translation>
    </message>
    <message>
        <source>Encrypted; the server&apos;s own certificate, trusted since the first connection.
SHA-256: %1</source>
        <translation>Encrypted; the server&apos;s own certificate, trusted since the first connection.
SHA-256: %1</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::SignInDialog</name>
    <message>
        <source>Display name:</source>
        <translation>Display name:</translation>
    </message>
    <message>
        <source>Create a new account</source>
        <translation>Create a new account</translation>
    </message>
    <message>
        <source>Sign in to Banter</source>
        <translation>Sign in to Banter</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>e.g. alice</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check the address and try again.</source>
        <translation>Cannot reach the server. Check the address and try again.</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Create account</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Remember me on this computer</translation>
    </message>
    <message>
        <source>Keeps a sign-in token (never your password) in the system keychain.</source>
        <translation>Keeps a sign-in token (never your password) in the system keychain.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed, so Banter did not connect.</source>
        <translation>The server&apos;s certificate has changed, so Banter did not connect.</translation>
    </message>
    <message>
        <source>The server address must look like wss://host:7654.</source>
        <translation>The server address must look like wss://host:7654.</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <source>That username is taken; choose another one.</source>
        <translation>That username is taken; choose another one.</translation>
    </message>
    <message>
        <source>Too many attempts to sign in.</source>
        <translation>Too many attempts to sign in.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>A username has %1 to %2 characters: letters a–z, digits, “.”, “_” or “-”, starting with a letter or digit.</source>
        <translation>A username has %1 to %2 characters: letters a–z, digits, “.”, “_” or “-”, starting with a letter or digit.</translation>
    </message>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>A password needs at least %1 characters.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>A display name has at most %1 characters.</source>
        <translation>A display name has at most %1 characters.</translation>
    </message>
    <message>
        <source>Invitation:</source>
        <translation>Invitation:</translation>
    </message>
    <message>
        <source>Paste an invitation link, if the server needs one</source>
        <translation>Paste an invitation link, if the server needs one</translation>
    </message>
    <message>
        <source>This is not a valid Banter invitation link. Ask for a new one.</source>
        <translation>This is not a valid Banter invitation link. Ask for a new one.</translation>
    </message>
    <message>
        <source>This link names another certificate than the one Banter already trusts for %1, so it was not used. Ask the person who sent it, or the server&apos;s administrator.</source>
        <translation>This link names another certificate than the one Banter already trusts for %1, so it was not used. Ask the person who sent it, or the server&apos;s administrator.</translation>
    </message>
    <message>
        <source>You are invited to “%1”. Choose a username and a password.</source>
        <translation>You are invited to “%1”. Choose a username and a password.</translation>
    </message>
    <message>
        <source>Server “%1”.</source>
        <translation>Server “%1”.</translation>
    </message>
    <message>
        <source>Banter trusts its certificate because the link names it (SHA-256 %1).</source>
        <translation>Banter trusts its certificate because the link names it (SHA-256 %1).</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::SystemEventText</name>
    <message>
        <source>%1 created the group “%2”</source>
        <translation>%1 created the group “%2”</translation>
    </message>
    <message>
        <source>%1 added members</source>
        <translation>%1 added members</translation>
    </message>
    <message>
        <source>%1 removed a member</source>
        <translation>%1 removed a member</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>%1 renamed the group to “%2”</source>
        <translation>%1 renamed the group to “%2”</translation>
    </message>
    <message>
        <source>%1 changed the conversation</source>
        <translation>%1 changed the conversation</translation>
    </message>
    <message>
        <source>%1 edited a message</source>
        <translation>%1 edited a message</translation>
    </message>
    <message>
        <source>%1 deleted a message</source>
        <translation>%1 deleted a message</translation>
    </message>
    <message>
        <source>%1 reacted with %2</source>
        <translation>%1 reacted with %2</translation>
    </message>
    <message>
        <source>%1 took back a reaction</source>
        <translation>%1 took back a reaction</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::TrayIcon</name>
    <message>
        <source>Banter — no unread messages</source>
        <translation>Banter — no unread messages</translation>
    </message>
    <message>
        <source>Banter — unread messages: %1</source>
        <translation>Banter — unread messages: %1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::TrustDialog</name>
    <message>
        <source>Trust and connect</source>
        <translation>Trust and connect</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>Trust this server?</translation>
    </message>
    <message>
        <source>&lt;b&gt;Banter has not met %1 before.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Banter has not met %1 before.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Its certificate is self-signed: no authority vouches for it, so only you can tell whether this is the real server. Compare the fingerprint below with the one your server&apos;s administrator gives you (banterd writes it to its log when it starts). Once trusted, Banter connects only to a server with this certificate and warns you if it ever changes.</source>
        <translation>Its certificate is self-signed: no authority vouches for it, so only you can tell whether this is the real server. Compare the fingerprint below with the one your server&apos;s administrator gives you (banterd writes it to its log when it starts). Once trusted, Banter connects only to a server with this certificate and warns you if it ever changes.</translation>
    </message>
    <message>
        <source>Do not connect</source>
        <translation>Do not connect</translation>
    </message>
    <message>
        <source>You chose it from the servers found on your network, as “%1”. That list is not authenticated: any computer on the network can announce a server under any name and claim any fingerprint.</source>
        <translation>You chose it from the servers found on your network, as “%1”. That list is not authenticated: any computer on the network can announce a server under any name and claim any fingerprint.</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the certificate presented:</source>
        <translation>SHA-256 fingerprint of the certificate presented:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Warning: this is not the certificate the announcement claimed.&lt;/b&gt; Another computer may be pretending to be this server. Do not trust it unless the administrator confirms the fingerprint of the certificate presented.</source>
        <translation>&lt;b&gt;Warning: this is not the certificate the announcement claimed.&lt;/b&gt; Another computer may be pretending to be this server. Do not trust it unless the administrator confirms the fingerprint of the certificate presented.</translation>
    </message>
    <message>
        <source>Fingerprint the announcement claimed:</source>
        <translation>Fingerprint the announcement claimed:</translation>
    </message>
    <message>
        <source>It matches the fingerprint the announcement claimed. That is no proof: whoever announced it chose what to claim. Compare it with the administrator&apos;s.</source>
        <translation>It matches the fingerprint the announcement claimed. That is no proof: whoever announced it chose what to claim. Compare it with the administrator&apos;s.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>A banter:// link to open (optional).</source>
        <translation>A banter:// link to open (optional).</translation>
    </message>
    <message>
        <source>Banter</source>
        <translation>Banter</translation>
    </message>
    <message>
        <source>Banter is signed in as %1. To use this invitation link, sign out first, then open the link again.</source>
        <translation>Banter is signed in as %1. To use this invitation link, sign out first, then open the link again.</translation>
    </message>
</context>
</TS>
