// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The configuration reader (server/config): the INI file an operator writes, and the list and
// mode syntaxes the file and the command line share. Whatever the file says, banterd starts
// with a configuration or stops with a message; it never crashes or reads a value wrongly
// converted (UBSan catches an out-of-range number cast to an int).

#include "config/serverconfig.h"
#include "fuzzcheck.h"

#include <QFile>
#include <QString>
#include <QTemporaryDir>

using namespace Banter;
using namespace Banter::Server;

namespace {
QString configPath()
{
    static const QTemporaryDir directory;
    Fuzz::check(directory.isValid(), "a temporary directory for the config file");
    return directory.filePath(QStringLiteral("banterd.conf"));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    const QString path = configPath();
    {
        QFile file(path);
        Fuzz::check(file.open(QIODevice::WriteOnly | QIODevice::Truncate), "the config file opens");
        Fuzz::check(file.write(input) == input.size(), "the config file is written");
    }
    const Result<ServerConfig> config = loadConfigFile(path);
    if (config) {
        (void)config->effectiveDatabaseUrl();
    } else {
        Fuzz::check(!config.error().message.isEmpty(), "a refused config says why");
    }

    const QString text = QString::fromUtf8(input);
    (void)parseSubnets(text.split(u','));
    (void)parseTlsMode(text);
    return 0;
}
