<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
</context>
</TS>
