<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachmentBubble</name>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 · Waiting for connection</source>
        <translation>%1 · 等待连接</translation>
    </message>
    <message>
        <source>%1 · Preparing…</source>
        <translation>%1 · 准备中…</translation>
    </message>
    <message>
        <source>%1 · Paused</source>
        <translation>%1 · 已暂停</translation>
    </message>
    <message>
        <source>%1 · Sending…</source>
        <translation>%1 · 发送中…</translation>
    </message>
    <message>
        <source>%1 · Failed</source>
        <translation>%1 · 失败</translation>
    </message>
    <message>
        <source>%1 · Waiting for other uploads</source>
        <translation>%1 · 等待其他上传完成</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::AccountBadge</name>
    <message>
        <source>Your status, as others see it</source>
        <translation>你的状态（他人所见）</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>离开</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::AccountStore</name>
    <message>
        <source>No system keychain is available (%1). You stay signed in until Banter closes.</source>
        <translation>没有可用的系统钥匙串（%1）。关闭 Banter 后需要重新登录。</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::AdminPage</name>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Sessions…</source>
        <translation>会话…</translation>
    </message>
    <message>
        <source>Filter accounts</source>
        <translation>筛选账户</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Sets a new password and signs the account out everywhere</source>
        <translation>设置新密码，并让该账户在所有设备上退出登录</translation>
    </message>
    <message>
        <source>The devices the account is signed in on</source>
        <translation>该账户已登录的设备</translation>
    </message>
    <message>
        <source>Could not list the accounts: %1</source>
        <translation>无法列出账户：%1</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Remove admin</source>
        <translation>取消管理员</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>设为管理员</translation>
    </message>
    <message>
        <source>This is your own account: change your password and devices in Settings.</source>
        <translation>这是你自己的账户：请在“设置”中更改你的密码和设备。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) loaded; there are more.</source>
        <translation>
            <numerusform>已加载 %n 个账户；还有更多。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s).</source>
        <translation>
            <numerusform>%n 个账户。</numerusform>
        </translation>
    </message>
    <message>
        <source>Disable %1? They are signed out on every device and cannot sign in until the account is enabled again.</source>
        <translation>停用 %1？该用户将在所有设备上退出登录，并且在账户重新启用之前无法登录。</translation>
    </message>
    <message>
        <source>Enable %1 again? They can then sign in with their password.</source>
        <translation>重新启用 %1？之后该用户可以用自己的密码登录。</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Enable account</source>
        <translation>启用账户</translation>
    </message>
    <message>
        <source>%1 is disabled and was signed out everywhere.</source>
        <translation>%1 已被停用，并已在所有设备上退出登录。</translation>
    </message>
    <message>
        <source>%1 is enabled again.</source>
        <translation>%1 已重新启用。</translation>
    </message>
    <message>
        <source>Make %1 a server admin? They can then disable accounts, reset passwords and end sessions, yours included.</source>
        <translation>将 %1 设为服务器管理员？之后该用户可以停用账户、重置密码和结束会话，包括你的。</translation>
    </message>
    <message>
        <source>Take the server admin rights from %1?</source>
        <translation>取消 %1 的服务器管理员权限？</translation>
    </message>
    <message>
        <source>%1 is now a server admin.</source>
        <translation>%1 现在是服务器管理员。</translation>
    </message>
    <message>
        <source>%1 is no longer a server admin.</source>
        <translation>%1 不再是服务器管理员。</translation>
    </message>
    <message>
        <source>Could not change %1: %2</source>
        <translation>无法更改 %1：%2</translation>
    </message>
    <message>
        <source>The password of %1 was reset; they were signed out.</source>
        <translation>%1 的密码已重置；该用户已退出登录。</translation>
    </message>
    <message>
        <source>Find accounts by name</source>
        <translation>按名称查找账户</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::AdminSessionsDialog</name>
    <message>
        <source>Sign out this session</source>
        <translation>让此会话退出登录</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>在所有设备上退出登录</translation>
    </message>
    <message>
        <source>Sessions of %1</source>
        <translation>%1 的会话</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录时间</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <source>Ends the selected session: that device must sign in again</source>
        <translation>结束所选会话：该设备必须重新登录</translation>
    </message>
    <message>
        <source>Ends every session of %1</source>
        <translation>结束 %1 的所有会话</translation>
    </message>
    <message>
        <source>Could not list the sessions: %1</source>
        <translation>无法列出会话：%1</translation>
    </message>
    <message>
        <source>%1 is not signed in anywhere.</source>
        <translation>%1 没有在任何设备上登录。</translation>
    </message>
    <message>
        <source>Sign out a session</source>
        <translation>让会话退出登录</translation>
    </message>
    <message>
        <source>Sign %1 out on “%2”? That device must sign in again.</source>
        <translation>让 %1 在“%2”上退出登录？该设备必须重新登录。</translation>
    </message>
    <message>
        <source>Sign %1 out on every device?</source>
        <translation>让 %1 在所有设备上退出登录？</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) signed out.</source>
        <translation>
            <numerusform>%n 个会话已退出登录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not sign out: %1</source>
        <translation>无法退出登录：%1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::AdminUsersModel</name>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Disabled since %1</source>
        <translation>自 %1 起停用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Server admin</source>
        <translation>服务器管理员</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>上次在线</translation>
    </message>
    <message>
        <source>Online now</source>
        <translation>当前在线</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::AttachmentStrip</name>
    <message>
        <source>Pasted image</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::CertificateGuard</name>
    <message>
        <source>Issued to: %1
Valid from %2 to %3
SHA-256: %4</source>
        <translation>颁发给：%1
有效期：%2 至 %3
SHA-256：%4</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>Server identity changed</source>
        <translation>服务器身份已更改</translation>
    </message>
    <message>
        <source>&lt;b&gt;The certificate of %1 is not trusted.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 的证书不受信任。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The certificate of %1 has changed.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 的证书已更改。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Someone may be intercepting your connection, or the server&apos;s administrator replaced its certificate. Banter has disconnected and sent nothing.

Trust the new certificate only if the administrator confirms its fingerprint (shown in the details; banterd writes it to its log when it starts).</source>
        <translation>可能有人正在拦截你的连接，或者服务器管理员更换了证书。Banter 已断开连接，未发送任何内容。

只有在管理员确认了证书指纹后才应信任新证书（指纹显示在详细信息中；banterd 启动时会将其写入日志）。</translation>
    </message>
    <message>
        <source>Trusted until now — SHA-256: %1</source>
        <translation>此前信任的证书 — SHA-256：%1</translation>
    </message>
    <message>
        <source>Stay disconnected</source>
        <translation>保持断开</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>信任新证书</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ComposeBar</name>
    <message>
        <source>Reply to %1</source>
        <translation>回复 %1</translation>
    </message>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation>取消回复 (Esc)</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>正在编辑</translation>
    </message>
    <message>
        <source>Cancel editing (Esc)</source>
        <translation>取消编辑 (Esc)</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ComposeController</name>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Not edited: this message can no longer be changed (the time for edits has passed).</source>
        <translation>未编辑：这条消息已不能再修改（可编辑的时间已过）。</translation>
    </message>
    <message>
        <source>Not edited: the message was deleted, or you are no longer in the conversation.</source>
        <translation>未编辑：消息已被删除，或你已不在此会话中。</translation>
    </message>
    <message>
        <source>Not edited: %1</source>
        <translation>未编辑：%1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>输入消息…</translation>
    </message>
    <message>
        <source>Too long to send: remove 1 character.</source>
        <translation>太长，无法发送：请删除 1 个字符。</translation>
    </message>
    <message>
        <source>Too long to send: remove %1 characters.</source>
        <translation>太长，无法发送：请删除 %1 个字符。</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>An edited message cannot be empty. To take it back, delete it.</source>
        <translation>编辑后的消息不能为空。要撤回它，请删除。</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ContactDelegate</name>
    <message>
        <source>blocked</source>
        <translation>已屏蔽</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>away</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>last seen today at %1</source>
        <translation>今天 %1 在线过</translation>
    </message>
    <message>
        <source>last seen yesterday at %1</source>
        <translation>昨天 %1 在线过</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>最后在线 %1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ContactsPanel</name>
    <message>
        <source>Add contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Open chat</source>
        <translation>打开聊天</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>取消屏蔽</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>屏蔽</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>People in your chats</source>
        <translation>聊天中的人</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add the selected person to your contacts</source>
        <translation>将所选的人添加到联系人</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ConversationHeader</name>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>away</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>last seen just now</source>
        <translation>刚刚在线</translation>
    </message>
    <message>
        <source>last seen 1 minute ago</source>
        <translation>1 分钟前在线</translation>
    </message>
    <message>
        <source>last seen %1 minutes ago</source>
        <translation>%1 分钟前在线</translation>
    </message>
    <message>
        <source>last seen today at %1</source>
        <translation>今天 %1 在线</translation>
    </message>
    <message>
        <source>last seen yesterday at %1</source>
        <translation>昨天 %1 在线</translation>
    </message>
    <message>
        <source>last seen on %1</source>
        <translation>最后在线于 %1</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 正在输入…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 和 %2 正在输入…</translation>
    </message>
    <message>
        <source>%1 people are typing…</source>
        <translation>%1 人正在输入…</translation>
    </message>
    <message>
        <source>1 member</source>
        <translation>1 位成员</translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation>%1 位成员</translation>
    </message>
    <message>
        <source>%1, %2 online</source>
        <translation>%1，%2 人在线</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ConversationListModel</name>
    <message>
        <source>Photo</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::DesktopNotifications</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::DevicesPage</name>
    <message>
        <source>Could not list the devices: %1</source>
        <translation>无法列出设备：%1</translation>
    </message>
    <message>
        <source>%1 (this device)</source>
        <translation>%1（本设备）</translation>
    </message>
    <message>
        <source>%1 — last used %2</source>
        <translation>%1 — 最后使用于 %2</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>已退出登录。</translation>
    </message>
    <message>
        <source>Could not sign the device out: %1</source>
        <translation>无法让该设备退出登录：%1</translation>
    </message>
    <message>
        <source>Sign out this device</source>
        <translation>让此设备退出登录</translation>
    </message>
    <message>
        <source>Signs the selected device out of your account</source>
        <translation>让所选设备退出你的账户</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::EmojiPicker</name>
    <message>
        <source>Choose an emoji</source>
        <translation>选择表情</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ErrorText</name>
    <message>
        <source>The file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not valid.</source>
        <translation>服务器的证书无效。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed since the last connection.</source>
        <translation>自上次连接以来，服务器的证书已更改。</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>无法读取%1。</translation>
    </message>
    <message>
        <source>%1 is empty; empty files cannot be sent.</source>
        <translation>%1 是空文件；不能发送空文件。</translation>
    </message>
    <message>
        <source>%1 changed while it was being sent.</source>
        <translation>%1 在发送过程中被修改。</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>无法写入%1。</translation>
    </message>
    <message>
        <source>%1 kept arriving out of step; try again.</source>
        <translation>%1 的下载多次出现不同步，请重试。</translation>
    </message>
    <message>
        <source>%1 arrived damaged; try again.</source>
        <translation>%1 下载后已损坏，请重试。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not the one trusted for it; transfers were stopped.</source>
        <translation>服务器的证书不是此前信任的证书，传输已停止。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted yet: compare its fingerprint and choose whether to trust it.</source>
        <translation>尚未信任该服务器的证书：请核对其指纹，再决定是否信任。</translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation>请稍后再试。</translation>
    </message>
    <message>
        <source>Try again in 1 second.</source>
        <translation>请在 1 秒后重试。</translation>
    </message>
    <message>
        <source>Try again in %1 seconds.</source>
        <translation>请在 %1 秒后重试。</translation>
    </message>
    <message>
        <source>Try again in %1 minutes.</source>
        <translation>请在 %1 分钟后重试。</translation>
    </message>
    <message>
        <source>The server did not accept what was sent.</source>
        <translation>服务器未接受发送的内容。</translation>
    </message>
    <message>
        <source>The server runs a version of Banter that does not understand this one; update Banter or ask the server&apos;s administrator.</source>
        <translation>服务器运行的 Banter 版本无法理解此版本；请更新 Banter 或联系服务器管理员。</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>你尚未登录。</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Your sign-in has expired; sign in again.</source>
        <translation>登录已过期，请重新登录。</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>你无权执行此操作。</translation>
    </message>
    <message>
        <source>That no longer exists, or you cannot see it.</source>
        <translation>该内容已不存在，或你无权查看。</translation>
    </message>
    <message>
        <source>That is already taken.</source>
        <translation>该名称已被占用。</translation>
    </message>
    <message>
        <source>Too many attempts.</source>
        <translation>尝试次数过多。</translation>
    </message>
    <message>
        <source>That is larger than the server accepts.</source>
        <translation>超出了服务器允许的大小。</translation>
    </message>
    <message>
        <source>A limit of the server has been reached.</source>
        <translation>已达到服务器的限制。</translation>
    </message>
    <message>
        <source>This server does not accept new accounts; ask its administrator for one.</source>
        <translation>此服务器不接受新账户注册；请向管理员申请账户。</translation>
    </message>
    <message>
        <source>The recipient has blocked you.</source>
        <translation>对方已将你屏蔽。</translation>
    </message>
    <message>
        <source>The server ran into a problem; nothing was changed. Try again later.</source>
        <translation>服务器出现问题，未做任何更改。请稍后再试。</translation>
    </message>
    <message>
        <source>The server cannot be reached right now. Try again later.</source>
        <translation>目前无法连接服务器。请稍后再试。</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>服务器拒绝了该请求。</translation>
    </message>
    <message>
        <source>This server takes new accounts by invitation only, and this invitation is not valid (mistyped, or withdrawn). Ask for a new one.</source>
        <translation>此服务器仅接受凭邀请注册，而此邀请无效（可能输错或已被撤回）。请索取新的邀请。</translation>
    </message>
    <message>
        <source>This invitation has expired. Ask for a new one.</source>
        <translation>此邀请已过期。请索取新的邀请。</translation>
    </message>
    <message>
        <source>This invitation has already been used. Ask for a new one.</source>
        <translation>此邀请已被使用。请索取新的邀请。</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::FileTransfers</name>
    <message>
        <source>“%1” is larger than this server accepts.</source>
        <translation>“%1”超出了此服务器允许的大小。</translation>
    </message>
    <message>
        <source>“%1” cannot be sent now: your storage on the server is full, or too many uploads are running.</source>
        <translation>“%1”现在无法发送：你在服务器上的存储空间已满，或正在进行的上传过多。</translation>
    </message>
    <message>
        <source>“%1” is no longer available.</source>
        <translation>“%1”已不可用。</translation>
    </message>
    <message>
        <source>“%1” was not sent: the recipient blocked you.</source>
        <translation>“%1”未发送：对方已将你屏蔽。</translation>
    </message>
    <message>
        <source>You may not send “%1” here.</source>
        <translation>你不能在这里发送“%1”。</translation>
    </message>
    <message>
        <source>The server could not handle “%1” right now; try again later.</source>
        <translation>服务器暂时无法处理“%1”，请稍后再试。</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <source>“%1” cannot be read.</source>
        <translation>无法读取“%1”。</translation>
    </message>
    <message>
        <source>“%1” is empty; empty files cannot be sent.</source>
        <translation>“%1”是空文件，空文件无法发送。</translation>
    </message>
    <message>
        <source>Pasted image %1.png</source>
        <translation>粘贴的图片 %1.png</translation>
    </message>
    <message>
        <source>The pasted image could not be saved to %1.</source>
        <translation>无法将粘贴的图片保存到 %1。</translation>
    </message>
    <message>
        <source>Could not save to %1.</source>
        <translation>无法保存到 %1。</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::GroupInfoDialog</name>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>移出群组</translation>
    </message>
    <message>
        <source>Add to group</source>
        <translation>加入群组</translation>
    </message>
    <message>
        <source>Leave group…</source>
        <translation>退出群组…</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Add people</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Group info — %1</source>
        <translation>群组信息 — %1</translation>
    </message>
    <message>
        <source>%1 (@%2)</source>
        <translation>%1（@%2）</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>you</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>退出群组</translation>
    </message>
    <message>
        <source>Leave “%1”? You will no longer receive its messages.</source>
        <translation>退出“%1”？你将不再收到该群组的消息。</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ImageViewer</name>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit to window (F)</source>
        <translation>适应窗口 (F)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>放大（+、Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out (−, Ctrl+wheel)</source>
        <translation>缩小（−、Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Actual size (0)</source>
        <translation>实际大小 (0)</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>%1 × %2 · %3 · %4%</source>
        <translation>%1 × %2 · %3 · %4%</translation>
    </message>
    <message>
        <source>Waiting for connection…</source>
        <translation>等待连接…</translation>
    </message>
    <message>
        <source>Loading the full image… %1 of %2</source>
        <translation>正在加载完整图片… %1 / %2</translation>
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
        <translation>%1 · 无 TLS（未加密）</translation>
    </message>
    <message>
        <source>Servers on your network:</source>
        <translation>你所在网络中的服务器：</translation>
    </message>
    <message>
        <source>Servers on your network</source>
        <translation>你所在网络中的服务器</translation>
    </message>
    <message>
        <source>Choose one to fill in the server address. Found servers are not verified: Banter still asks you to check the certificate the first time.</source>
        <translation>选择一个即可填入服务器地址。找到的服务器未经验证：第一次连接时 Banter 仍会请你核对证书。</translation>
    </message>
    <message>
        <source>Not searching this network for servers; type the address above.</source>
        <translation>未在此网络中搜索服务器；请在上方输入地址。</translation>
    </message>
    <message>
        <source>Searching for servers on your network…</source>
        <translation>正在你所在的网络中搜索服务器…</translation>
    </message>
    <message>
        <source>No servers found on your network yet. You can type an address above.</source>
        <translation>尚未在你所在的网络中找到服务器。你可以在上方输入地址。</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::LanServerModel</name>
    <message>
        <source>%1 at %2, %3</source>
        <extracomment>A server in the list of servers on the network, for screen readers: name, address, and whether the connection is encrypted.</extracomment>
        <translation>%1，地址 %2，%3</translation>
    </message>
    <message>
        <source>encrypted (TLS)</source>
        <translation>已加密（TLS）</translation>
    </message>
    <message>
        <source>not encrypted (no TLS)</source>
        <translation>未加密（无 TLS）</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::MainWindow</name>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Banter</source>
        <translation>Banter</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>搜索会话</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Offline — reconnecting; messages you write are kept and sent later</source>
        <translation>离线 — 正在重新连接；您写的消息会保留并稍后发送</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开连接</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Could not log out: %1</source>
        <translation>无法退出登录：%1</translation>
    </message>
    <message>
        <source>Group info</source>
        <translation>群组信息</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>聊天(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New chat…</source>
        <translation>新建聊天(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Go to conversation…</source>
        <translation>转到会话(&amp;G)…</translation>
    </message>
    <message>
        <source>Group &amp;info…</source>
        <translation>群组信息(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Next conversation</source>
        <translation>下一个会话(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>上一个会话(&amp;P)</translation>
    </message>
    <message>
        <source>Show Banter</source>
        <translation>显示 Banter</translation>
    </message>
    <message>
        <source>Could not start the chat: %1</source>
        <translation>无法开始聊天：%1</translation>
    </message>
    <message>
        <source>Unmute notifications</source>
        <translation>取消免打扰</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>消息免打扰</translation>
    </message>
    <message>
        <source>Group info…</source>
        <translation>群组信息…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Sent a photo</source>
        <translation>发送了一张图片</translation>
    </message>
    <message>
        <source>Sent a file: %1</source>
        <translation>发送了文件：%1</translation>
    </message>
    <message>
        <source>Open a conversation to send files to.</source>
        <translation>请先打开一个会话再发送文件。</translation>
    </message>
    <message>
        <source>No application could open %1.</source>
        <translation>没有可以打开 %1 的应用程序。</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>No conversation is open.
Choose one on the left, or start a new chat with %1.</source>
        <translation>没有打开的会话。
请在左侧选择一个会话，或按 %1 开始新的聊天。</translation>
    </message>
    <message>
        <source>You are no longer in “%1”.</source>
        <translation>你已不在“%1”中。</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>输入消息…</translation>
    </message>
    <message>
        <source>Add a caption…</source>
        <translation>添加说明…</translation>
    </message>
    <message>
        <source>No application could show the folder %1.</source>
        <translation>没有应用程序能够显示文件夹 %1。</translation>
    </message>
    <message>
        <source>Quit Banter</source>
        <translation>退出 Banter</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) you wrote are not sent yet. They are kept and sent when Banter next connects.

Quit anyway?</source>
        <translation>
            <numerusform>你写的 %n 条消息尚未发出。它们会被保留，并在 Banter 下次连接时发送。

仍要退出吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Find in conversation…</source>
        <translation>在会话中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find in &amp;all conversations…</source>
        <translation>在所有会话中查找(&amp;A)…</translation>
    </message>
    <message>
        <source>Server &amp;administration…</source>
        <translation>服务器管理(&amp;A)…</translation>
    </message>
    <message>
        <source>Server administration</source>
        <translation>服务器管理</translation>
    </message>
    <message>
        <source>That message is in a conversation you are not in.</source>
        <translation>该消息所在的会话你并未加入。</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::MessageDelegate</name>
    <message>
        <source>New messages</source>
        <translation>新消息</translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>消息已删除</translation>
    </message>
    <message>
        <source>Deleted message</source>
        <translation>已删除的消息</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>编辑于 %1</translation>
    </message>
    <message>
        <source>%1 — loading who reacted…</source>
        <translation>%1 — 正在加载回应者…</translation>
    </message>
    <message>
        <source>Reply, react and more</source>
        <translation>回复、回应及更多</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::MessageListModel</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>另外 %n 人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::MessageMenu</name>
    <message>
        <source>React with %1</source>
        <translation>用 %1 回应</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>更多…</translation>
    </message>
    <message>
        <source>Choose another emoji</source>
        <translation>选择其他表情</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>回复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>复制文本(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Select text</source>
        <translation>选择文本(&amp;S)</translation>
    </message>
    <message>
        <source>Copy &amp;link to message</source>
        <translation>复制消息链接(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::MessageView</name>
    <message>
        <source>Only web and e-mail links open from messages.</source>
        <translation>消息中只能打开网页和电子邮件链接。</translation>
    </message>
    <message>
        <source>The original message is no longer available.</source>
        <translation>原消息已不可用。</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>删除消息</translation>
    </message>
    <message>
        <source>Delete this message for everyone in the conversation?</source>
        <translation>要为会话中的所有人删除这条消息吗？</translation>
    </message>
    <message>
        <source>Delete this message by another member for everyone in the group?</source>
        <translation>要为群组中的所有人删除这条由其他成员发送的消息吗？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>The message could not be deleted: %1</source>
        <translation>无法删除消息：%1</translation>
    </message>
    <message numerus="yes">
        <source>↓ %n new message(s)</source>
        <translation>
            <numerusform>↓ %n 条新消息</numerusform>
        </translation>
    </message>
    <message>
        <source>↓ Jump to latest</source>
        <translation>↓ 跳到最新</translation>
    </message>
    <message>
        <source>Jump to the newest message (End)</source>
        <translation>跳到最新消息（End）</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::NewChatDialog</name>
    <message>
        <source>New chat</source>
        <translation>新建聊天</translation>
    </message>
    <message>
        <source>e.g. Weekend trip</source>
        <translation>例如：周末出游</translation>
    </message>
    <message>
        <source>Start chat</source>
        <translation>开始聊天</translation>
    </message>
    <message>
        <source>Private chat</source>
        <translation>私聊</translation>
    </message>
    <message>
        <source>Group name:</source>
        <translation>群组名称：</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>成员：</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>新建群组</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>创建群组</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <source>Could not create the chat: %1</source>
        <translation>无法创建聊天：%1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::Notifier</name>
    <message numerus="yes">
        <source>%n new messages in %1</source>
        <translation>
            <numerusform>%1中有 %n 条新消息</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chats</source>
        <translation>
            <numerusform>%n 个聊天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::PasswordPage</name>
    <message>
        <source>The new passwords do not match.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>The new password needs at least %1 characters.</source>
        <translation>新密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation>密码未更改：%1</translation>
    </message>
    <message>
        <source>Password changed. Your other devices were signed out.</source>
        <translation>密码已更改。你的其他设备已退出登录。</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>Changing the password signs out every other device.</source>
        <translation>更改密码会让其他所有设备退出登录。</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>更改密码</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::PeoplePicker</name>
    <message>
        <source>Search contacts or all users</source>
        <translation>搜索联系人或所有用户</translation>
    </message>
    <message>
        <source>%1 (@%2)</source>
        <translation>%1（@%2）</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ProfilePage</name>
    <message>
        <source>Your profile was not saved: %1</source>
        <translation>个人资料未保存：%1</translation>
    </message>
    <message>
        <source>Saved. People you chat with see the new name.</source>
        <translation>已保存。与你聊天的人会看到新名字。</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <source>Shown instead of your username</source>
        <translation>代替用户名显示</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>保存个人资料</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <source>That file is too large to be a picture.</source>
        <translation>这个文件太大，不能用作头像。</translation>
    </message>
    <message>
        <source>That file is not a picture this program can read.</source>
        <translation>这个文件不是本程序能读取的图片。</translation>
    </message>
    <message>
        <source>That picture could not be made small enough.</source>
        <translation>无法把这张图片缩小到允许的大小。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Your picture was not saved: %1</source>
        <translation>你的头像未保存：%1</translation>
    </message>
    <message>
        <source>Picture removed. People you chat with see your initials.</source>
        <translation>头像已移除。与你聊天的人会看到你的姓名缩写。</translation>
    </message>
    <message>
        <source>Saved. People you chat with see the new picture.</source>
        <translation>已保存。与你聊天的人会看到新头像。</translation>
    </message>
    <message>
        <source>Your picture, as others see it</source>
        <translation>别人看到的你的头像</translation>
    </message>
    <message>
        <source>Choose picture…</source>
        <translation>选择头像…</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>移除头像</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::QuickSwitcher</name>
    <message>
        <source>Go to conversation</source>
        <translation>转到会话</translation>
    </message>
    <message>
        <source>Type a conversation name, Enter to open</source>
        <translation>输入会话名称，按回车打开</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Reset the password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <source>%1 gets a new password and is signed out on every device. Leave the field empty for a one-time password made by the server.</source>
        <translation>%1 将获得新密码，并在所有设备上退出登录。留空此字段则由服务器生成一次性密码。</translation>
    </message>
    <message>
        <source>Generate one</source>
        <translation>自动生成</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>This password is shown only once. Give it to %1 in a safe way; they should change it after signing in.</source>
        <translation>此密码只显示一次。请以安全的方式交给 %1；对方登录后应更改密码。</translation>
    </message>
    <message>
        <source>The new password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Copy the new password</source>
        <translation>复制新密码</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>Could not reset the password: %1</source>
        <translation>无法重置密码：%1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::SearchPanel</name>
    <message>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Nothing found yet; older messages remain.</source>
        <translation>暂未找到；还有更早的消息。</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>未找到消息。</translation>
    </message>
    <message>
        <source>Search all conversations</source>
        <translation>搜索所有会话</translation>
    </message>
    <message>
        <source>Search in %1</source>
        <translation>在 %1 中搜索</translation>
    </message>
    <message>
        <source>Close the search (Esc)</source>
        <translation>关闭搜索 (Esc)</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>搜索消息</translation>
    </message>
    <message>
        <source>More results</source>
        <translation>更多结果</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::SearchResultsModel</name>
    <message>
        <source>Former member</source>
        <translation>前成员</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::SettingsDialog</name>
    <message>
        <source>Show a notification for new messages</source>
        <translation>收到新消息时显示通知</translation>
    </message>
    <message>
        <source>Start minimised to the system tray</source>
        <translation>启动时最小化到系统托盘</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Notifications:</source>
        <translation>通知：</translation>
    </message>
    <message>
        <source>Start-up:</source>
        <translation>启动：</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>连接：</translation>
    </message>
    <message>
        <source>Not encrypted: anyone on the network can read it.</source>
        <translation>未加密：网络上的任何人都能读取。</translation>
    </message>
    <message>
        <source>Encrypted; the server&apos;s certificate is vouched for by a trusted authority.</source>
        <translation>已加密；服务器的证书由受信任的机构担保。</translation>
    </message>
    <message>
        <source>Encrypted (not connected now).</source>
        <translation>已加密（当前未连接）。</translation>
    </message>
    <message>
        <source>Encrypted; the server&apos;s own certificate, trusted since the first connection.
SHA-256: %1</source>
        <translation>已加密；使用服务器自己的证书，自首次连接起受信任。
SHA-256：%1</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>个人资料</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::SignInDialog</name>
    <message>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <source>Create a new account</source>
        <translation>创建新账户</translation>
    </message>
    <message>
        <source>Sign in to Banter</source>
        <translation>登录 Banter</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>例如 alice</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check the address and try again.</source>
        <translation>无法连接到服务器。请检查地址后重试。</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>在此电脑上记住我</translation>
    </message>
    <message>
        <source>Keeps a sign-in token (never your password) in the system keychain.</source>
        <translation>在系统钥匙串中保存登录令牌（绝不保存密码）。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed, so Banter did not connect.</source>
        <translation>服务器的证书已更改，因此 Banter 没有连接。</translation>
    </message>
    <message>
        <source>The server address must look like wss://host:7654.</source>
        <translation>服务器地址应类似 wss://host:7654。</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>That username is taken; choose another one.</source>
        <translation>该用户名已被占用，请换一个。</translation>
    </message>
    <message>
        <source>Too many attempts to sign in.</source>
        <translation>登录尝试次数过多。</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>A username has %1 to %2 characters: letters a–z, digits, “.”, “_” or “-”, starting with a letter or digit.</source>
        <translation>用户名长度为 %1 到 %2 个字符，只能包含字母 a–z、数字、“.”、“_” 或 “-”，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>A display name has at most %1 characters.</source>
        <translation>显示名称最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Invitation:</source>
        <translation>邀请：</translation>
    </message>
    <message>
        <source>Paste an invitation link, if the server needs one</source>
        <translation>如果服务器需要，请在此粘贴邀请链接</translation>
    </message>
    <message>
        <source>This is not a valid Banter invitation link. Ask for a new one.</source>
        <translation>这不是有效的 Banter 邀请链接。请索取新的链接。</translation>
    </message>
    <message>
        <source>This link names another certificate than the one Banter already trusts for %1, so it was not used. Ask the person who sent it, or the server&apos;s administrator.</source>
        <translation>此链接指定的证书与 Banter 已为 %1 信任的证书不同，因此未被使用。请询问发送链接的人或服务器管理员。</translation>
    </message>
    <message>
        <source>You are invited to “%1”. Choose a username and a password.</source>
        <translation>您受邀加入“%1”。请设置用户名和密码。</translation>
    </message>
    <message>
        <source>Server “%1”.</source>
        <translation>服务器“%1”。</translation>
    </message>
    <message>
        <source>Banter trusts its certificate because the link names it (SHA-256 %1).</source>
        <translation>Banter 信任该服务器的证书，因为链接指定了它（SHA-256 %1）。</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::SystemEventText</name>
    <message>
        <source>%1 created the group “%2”</source>
        <translation>%1 创建了群组“%2”</translation>
    </message>
    <message>
        <source>%1 added members</source>
        <translation>%1 添加了成员</translation>
    </message>
    <message>
        <source>%1 removed a member</source>
        <translation>%1 移除了一名成员</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 已退出</translation>
    </message>
    <message>
        <source>%1 renamed the group to “%2”</source>
        <translation>%1 将群组重命名为“%2”</translation>
    </message>
    <message>
        <source>%1 changed the conversation</source>
        <translation>%1 更改了会话</translation>
    </message>
    <message>
        <source>%1 edited a message</source>
        <translation>%1 编辑了一条消息</translation>
    </message>
    <message>
        <source>%1 deleted a message</source>
        <translation>%1 删除了一条消息</translation>
    </message>
    <message>
        <source>%1 reacted with %2</source>
        <translation>%1 用 %2 回应了</translation>
    </message>
    <message>
        <source>%1 took back a reaction</source>
        <translation>%1 撤回了一个回应</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::TrayIcon</name>
    <message>
        <source>Banter — no unread messages</source>
        <translation>Banter — 没有未读消息</translation>
    </message>
    <message>
        <source>Banter — unread messages: %1</source>
        <translation>Banter — 未读消息：%1</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::TrustDialog</name>
    <message>
        <source>Trust and connect</source>
        <translation>信任并连接</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>信任此服务器？</translation>
    </message>
    <message>
        <source>&lt;b&gt;Banter has not met %1 before.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Banter 之前从未连接过 %1。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Its certificate is self-signed: no authority vouches for it, so only you can tell whether this is the real server. Compare the fingerprint below with the one your server&apos;s administrator gives you (banterd writes it to its log when it starts). Once trusted, Banter connects only to a server with this certificate and warns you if it ever changes.</source>
        <translation>它的证书是自签名的：没有任何机构为其担保，因此只有你能判断这是否是真正的服务器。请将下面的指纹与服务器管理员提供的指纹进行核对（banterd 启动时会将其写入日志）。一旦信任，Banter 只会连接使用此证书的服务器，并在证书发生变化时向你发出警告。</translation>
    </message>
    <message>
        <source>Do not connect</source>
        <translation>不连接</translation>
    </message>
    <message>
        <source>You chose it from the servers found on your network, as “%1”. That list is not authenticated: any computer on the network can announce a server under any name and claim any fingerprint.</source>
        <translation>你是从网络中找到的服务器里选择了它（名为“%1”）。该列表未经认证：网络中的任何计算机都可以用任意名称宣告服务器，并声称任意指纹。</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the certificate presented:</source>
        <translation>服务器出示的证书的 SHA-256 指纹：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Warning: this is not the certificate the announcement claimed.&lt;/b&gt; Another computer may be pretending to be this server. Do not trust it unless the administrator confirms the fingerprint of the certificate presented.</source>
        <translation>&lt;b&gt;警告：这不是宣告中声称的证书。&lt;/b&gt;可能有另一台计算机在冒充此服务器。除非管理员确认了所出示证书的指纹，否则不要信任它。</translation>
    </message>
    <message>
        <source>Fingerprint the announcement claimed:</source>
        <translation>宣告中声称的指纹：</translation>
    </message>
    <message>
        <source>It matches the fingerprint the announcement claimed. That is no proof: whoever announced it chose what to claim. Compare it with the administrator&apos;s.</source>
        <translation>它与宣告中声称的指纹一致。但这并不能证明什么：宣告者可以随意声称。请与管理员提供的指纹核对。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>A banter:// link to open (optional).</source>
        <translation>要打开的 banter:// 链接（可选）。</translation>
    </message>
    <message>
        <source>Banter</source>
        <translation>Banter</translation>
    </message>
    <message>
        <source>Banter is signed in as %1. To use this invitation link, sign out first, then open the link again.</source>
        <translation>Banter 已以 %1 的身份登录。要使用此邀请链接，请先退出登录，然后再次打开该链接。</translation>
    </message>
</context>
</TS>
