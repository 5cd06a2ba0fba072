<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>Banter::Desktop::AccountStore</name>
    <message>
        <source>No system keychain is available (%1). You stay signed in until Banter closes.</source>
        <translation>No system keychain is available (%1). You stay signed in until Banter closes.</translation>
    </message>
</context>
<context>
    <name>Banter::Desktop::Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>Write a message…</translation>
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
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
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
</context>
<context>
    <name>Banter::Desktop::MessageDelegate</name>
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
        <source>The server address must look like ws://host:7654.</source>
        <translation>The server address must look like ws://host:7654.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Enter your username and password.</translation>
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
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Banter</source>
        <translation>Banter</translation>
    </message>
</context>
</TS>