<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Banter::Desktop::AccountStore</name>
    <message>
        <source>No system keychain is available (%1). You stay signed in until Banter closes.</source>
        <translation>没有可用的系统钥匙串（%1）。关闭 Banter 后需要重新登录。</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>输入消息…</translation>
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
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
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
</context>
<context>
    <name>Banter::Desktop::MessageDelegate</name>
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
        <source>The server address must look like ws://host:7654.</source>
        <translation>服务器地址的格式应为 ws://host:7654。</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>请输入用户名和密码。</translation>
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
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Banter</source>
        <translation>Banter</translation>
    </message>
</context>
</TS>