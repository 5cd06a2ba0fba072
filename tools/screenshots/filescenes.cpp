// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The file pictures: Alice sends two photos, a PDF and a big video (caught half-way); Bob's
// window shows them received, and the image viewer opens a photo. Files waiting in the
// preview strip above the composer, with their caption.
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/conversationlistmodel.h"
#include "core/filetransfers.h"
#include "core/messagelistmodel.h"
#include "scenes.h"
#include "sessionhelpers.h"
#include "shooting.h"
#include "testfiles.h"
#include "testimages.h"
#include "testserver.h"
#include "ui/attachmentstrip.h"
#include "ui/composer.h"
#include "ui/imageviewer.h"
#include "ui/mainwindow.h"
#include "ui/theme.h"
#include <banter/client/clientsession.h>
#include <banter/client/transferclient.h>

#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>

namespace Banter::Screenshots {

using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;

// A PDF-looking file: the magic bytes the server sniffs, then noise.
bool writePdf(const QString &path, qint64 size)
{
    QByteArray bytes("%PDF-1.4\n");
    bytes.resize(size);
    QRandomGenerator random(8);
    for (qsizetype i = 9; i < bytes.size(); ++i)
        bytes[i] = char(random.bounded(256));
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

int rowOfFile(const QAbstractItemModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto a =
            model->index(row, 0).data(MessageListModel::AttachmentRole).value<Attachment>();
        if (a.name == name)
            return row;
    }
    return -1;
}

std::unique_ptr<MainWindow> openWindow(ClientSession &session, AppSettings &settings,
                                       const QString &cacheDir)
{
    auto *account = new AccountContext(session, settings);
    auto window = std::make_unique<MainWindow>(*account);
    account->setParent(window.get()); // goes with the window, after its widgets
    // Every window its own cache: two accounts in one process must not share downloads.
    account->files()->setCacheDir(cacheDir);
    return window;
}
} // namespace

bool shootFiles(const QDir &out)
{
    QTemporaryDir work;
    Server::ServerConfig config = TestServer::defaultConfig();
    config.files.windowBytes = 256 * KiB; // slow enough to catch the video half-way
    TestServer server(config);
    if (!work.isValid() || !server.start())
        return failed(u"cannot start a server"_s);
    auto alice = signedUpSession(server.url(), u"alice"_s);
    auto bob = signedUpSession(server.url(), u"bob"_s);
    if (!alice || !bob)
        return failed(u"cannot sign the users up"_s);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    if (!chat)
        return failed(u"cannot create the conversation"_s);

    applyTheme(AppSettings::Theme::Light);
    AppSettings aliceSettings(work.filePath(u"alice.conf"_s));
    AppSettings bobSettings(work.filePath(u"bob.conf"_s));
    auto window = openWindow(*alice, aliceSettings, work.filePath(u"alice-cache"_s));
    auto bobWindow = openWindow(*bob, bobSettings, work.filePath(u"bob-cache"_s));
    SessionCloser closer{{alice.get(), bob.get()}};
    if (!show(window.get()) || !show(bobWindow.get()))
        return false;
    if (!waitFor([&] {
            return rowsIn<ConversationListModel>(window.get()) == 1
                && rowsIn<ConversationListModel>(bobWindow.get()) == 1;
        }))
        return failed(u"the conversation never showed up"_s);
    window->openConversation(chat->id);
    bobWindow->openConversation(chat->id);
    MessageListModel *sent = modelIn<MessageListModel>(window.get());
    MessageListModel *received = modelIn<MessageListModel>(bobWindow.get());
    if (!sent || !received)
        return failed(u"the windows have no message list"_s);

    const QString photo = work.filePath(u"Lake at sunset.png"_s);
    const QString tall = work.filePath(u"Trail map.png"_s);
    const QString pdf = work.filePath(u"Cabin booking confirmation.pdf"_s);
    if (!landscape(1600, 1000).save(photo) || !landscape(600, 900).save(tall)
        || !writePdf(pdf, 180 * KiB))
        return failed(u"cannot write the files to send"_s);
    if (!await(bob->sendMessage(chat->id, u"Any photos from the weekend?"_s))
        || !window->attachFiles({photo, tall}))
        return failed(u"cannot send the photos"_s);
    if (!waitFor([&] { return received->rowCount() == 3; }))
        return failed(u"Bob never received the photos"_s);
    if (!await(alice->sendMessage(chat->id, u"And the booking, for the refund:"_s))
        || !window->attachFiles({pdf}))
        return failed(u"cannot send the booking"_s);
    if (!waitFor([&] { return received->rowCount() == 5; }))
        return failed(u"Bob never received the booking"_s);

    // A big one still on its way when the picture is taken.
    const QString video = work.filePath(u"Drone footage.mp4"_s);
    if (!writeRandomFile(video, 48 * MiB, 9) || !window->attachFiles({video}))
        return failed(u"cannot send the video"_s);
    if (!waitFor([&] {
            return sent->index(5).data(MessageListModel::FileDoneRole).toLongLong() > 10 * MiB;
        }))
        return failed(u"the video upload never got going"_s);
    auto *files = window->findChild<FileTransfers *>();
    if (!files)
        return failed(u"the window has no file transfers"_s);
    files->client().pause(sent->index(5).data(MessageListModel::UploadIdRole).toULongLong());
    for (int row = 0; row < received->rowCount(); ++row) {
        const QModelIndex index = received->index(row);
        if (MessageType(index.data(MessageListModel::TypeRole).toInt()) != MessageType::Image)
            continue;
        if (!waitFor([&] {
                return !index.data(MessageListModel::PreviewRole).value<QImage>().isNull();
            }))
            return failed(u"Bob's window never showed the photo in row %1"_s.arg(row));
    }
    window->resize(1000, 820);
    bobWindow->resize(1000, 820);
    settle(300);
    viewOf<MessageListModel>(window.get())->scrollToBottom();
    viewOf<MessageListModel>(bobWindow.get())->scrollToBottom();
    settle(100);
    if (!save(out, u"files-light"_s, window.get())
        || !save(out, u"files-received-light"_s, bobWindow.get()))
        return false;

    // The next ones waiting in the preview strip, with a caption being written.
    auto *strip = window->findChild<AttachmentStrip *>();
    auto *composer = window->findChild<Composer *>();
    if (!strip || !composer)
        return failed(u"the window has no attachment strip"_s);
    window->stageFiles({tall, pdf});
    QGuiApplication::clipboard()->setImage(landscape(800, 500));
    composer->paste();
    composer->setPlainText(u"The map, the booking and the view from the cabin"_s);
    settle(300);
    if (!save(out, u"files-strip-light"_s, window.get()))
        return false;
    applyTheme(AppSettings::Theme::Dark);
    settle(300);
    const bool stripDark = save(out, u"files-strip-dark"_s, window.get());
    applyTheme(AppSettings::Theme::Light);
    strip->takeItems();
    composer->clear();
    if (!stripDark)
        return false;
    // A narrow window: the sidebar folds to a column of avatars.
    window->resize(620, 820);
    settle(300);
    viewOf<MessageListModel>(window.get())->scrollToBottom();
    settle(100);
    if (!save(out, u"files-narrow-light"_s, window.get()))
        return false;
    window->resize(1000, 820);
    settle(200);

    ImageViewer *viewer =
        bobWindow->showImage(received->index(rowOfFile(received, u"Lake at sunset.png"_s)));
    if (!viewer || !waitFor([&] { return viewer->isFullImage(); }))
        return failed(u"the viewer never showed the whole photo"_s);
    settle(200);
    if (!save(out, u"files-viewer-light"_s, viewer))
        return false;
    viewer->close();

    applyTheme(AppSettings::Theme::Dark);
    settle(300);
    if (!save(out, u"files-dark"_s, bobWindow.get()))
        return false;
    viewer = bobWindow->showImage(received->index(rowOfFile(received, u"Trail map.png"_s)));
    if (!viewer || !waitFor([&] { return viewer->isFullImage(); }))
        return failed(u"the viewer never showed the whole map"_s);
    settle(200);
    const bool saved = save(out, u"files-viewer-dark"_s, viewer);
    viewer->close();
    applyTheme(AppSettings::Theme::Light);
    return saved;
}

} // namespace Banter::Screenshots
