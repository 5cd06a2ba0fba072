// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Files and images in the desktop client: the real widget tree, offscreen, against a real
// banterd on loopback. Attach (through the button, a drop, a paste), the upload bubble and
// its cancel, image and file messages on the other side, download, open, save-as, the
// image viewer, refusals explained, odd names, and an upload that survives a server
// restart. (docs/screenshots/files-*.png come from tools/screenshots.)
#include "core/accountcontext.h"
#include "core/appsettings.h"
#include "core/conversationlistmodel.h"
#include "core/filetransfers.h"
#include "core/messagelistmodel.h"
#include "desktopfixture.h"
#include "sessionhelpers.h"
#include "testfiles.h"
#include "testimages.h"
#include "testpaths.h"
#include "testserver.h"
#include "ui/attachmentstrip.h"
#include "ui/composer.h"
#include "ui/imageviewer.h"
#include "ui/mainwindow.h"
#include "ui/messagedelegate.h"
#include "ui/theme.h"
#include <banter/client/clientsession.h>
#include <banter/client/transferclient.h>

#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QPainter>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Banter;
using namespace Banter::Desktop;
using namespace Banter::Test;
using namespace Qt::StringLiterals;
using Action = AttachmentBubble::Action;

namespace {
constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * 1024;

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
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

FileStatus statusAt(const QModelIndex &index)
{
    return FileStatus(index.data(MessageListModel::FileStatusRole).toInt());
}
} // namespace

class TestDesktopFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void attachButtonSendsImageAndFiles();
    void previewsStayWithinTheirCache();
    void cancelMidUpload();
    void dropAndPasteSend();
    void refusedFilesAreExplained();
    void oddNamesTravelSafely();
    void uploadResumesAfterServerRestart();
    void helpers();

private:
    // Clicks an attachment's action where the delegate draws it.
    bool click(MainWindow &window, int row, Action action);
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
};

void TestDesktopFiles::initTestCase()
{
    Banter::Test::useCleanTestPaths(); // settings, drafts and the file cache in test places
    QVERIFY(m_dir.isValid());
}

void TestDesktopFiles::init()
{
    static int n = 0;
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(u"settings-%1.conf"_s.arg(++n)));
}

void TestDesktopFiles::cleanup()
{
    m_settings.reset();
}

bool TestDesktopFiles::click(MainWindow &window, int row, Action action)
{
    QListView *view = window.findChild<QListView *>(u"messageView"_s);
    const QModelIndex index = view->model()->index(row, 0);
    view->scrollTo(index);
    auto *delegate = static_cast<MessageDelegate *>(view->itemDelegate());
    const QRect rect = delegate->actionRect(view, index, action);
    if (rect.isEmpty() || !view->viewport()->rect().contains(rect.center()))
        return false;
    if (delegate->actionAt(view, index, rect.center()) != action)
        return false;
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    return true;
}

void TestDesktopFiles::attachButtonSendsImageAndFiles()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    MainWindow *bobWindow = fixture.showWindow(*bob, *m_settings);
    QVERIFY(window && bobWindow);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    QTRY_COMPARE(bobWindow->account().conversations()->rowCount(), 1);
    window->openConversation(chat->id);
    bobWindow->openConversation(chat->id);
    const QString downloads = m_dir.filePath(u"attach-downloads"_s);
    bobWindow->account().files()->setDownloadDir(downloads);

    const QString imagePath = m_dir.filePath(u"lake.png"_s);
    QVERIFY(landscape(1200, 800).save(imagePath));
    const QString notesPath = m_dir.filePath(u"notes.bin"_s);
    const QString reportPath = m_dir.filePath(u"report.bin"_s);
    QVERIFY(writeFile(notesPath, randomBytes(300 * KiB, 1)));
    QVERIFY(writeFile(reportPath, randomBytes(700 * KiB, 2)));

    QSignalSpy received(bob, &ClientSession::messageReceived);
    window->setOpenFilesChooser([&] { return QStringList{imagePath, notesPath, reportPath}; });
    QTest::mouseClick(window->findChild<QToolButton *>(u"attachButton"_s), Qt::LeftButton);
    // First the preview strip above the composer: nothing goes before Enter.
    auto *strip = window->findChild<AttachmentStrip *>(u"attachmentStrip"_s);
    QVERIFY(strip->isVisible());
    QCOMPARE(strip->items().size(), 3);
    QCOMPARE(window->account().messages()->rowCount(), 0);
    QTest::keyClick(window->findChild<Composer *>(u"composer"_s), Qt::Key_Return);
    QVERIFY(!strip->isVisible());
    // Three bubbles at once, while the bytes travel.
    QCOMPARE(window->account().messages()->rowCount(), 3);
    const QModelIndex first = window->account().messages()->index(0);
    QVERIFY(first.data(MessageListModel::UploadIdRole).toULongLong() != 0);
    QCOMPARE(MessageType(first.data(MessageListModel::TypeRole).toInt()), MessageType::Image);
    QCOMPARE(first.data(MessageListModel::AttachmentRole).value<Attachment>().width, 1200);
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 3, 15'000);

    QHash<QString, Message> byName;
    for (const QList<QVariant> &args : received)
        byName.insert(args.first().value<Message>().attachment.name, args.first().value<Message>());
    const Message image = byName.value(u"lake.png"_s);
    QCOMPARE(image.type, MessageType::Image);
    QCOMPARE(image.attachment.width, 1200);
    QCOMPARE(image.attachment.height, 800);
    QCOMPARE(image.attachment.mimeType, u"image/png"_s);
    QVERIFY(!image.attachment.thumbnail.isEmpty());
    QVERIFY(image.attachment.thumbnail.size() <= 16 * KiB);
    QVERIFY(!QImage::fromData(image.attachment.thumbnail).isNull());
    QCOMPARE(byName.value(u"notes.bin"_s).type, MessageType::File);
    QCOMPARE(byName.value(u"notes.bin"_s).attachment.size, 300 * KiB);
    QCOMPARE(byName.value(u"report.bin"_s).type, MessageType::File);
    // The upload bubbles became messages; none is left over.
    QTRY_COMPARE(window->account().messages()->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QTRY_VERIFY(
            window->account().messages()->index(row).data(MessageListModel::SeqRole).toLongLong()
            > 0);
    QCOMPARE(window->account().conversations()->index(0).data(ConversationListModel::PreviewRole),
             QVariant(u"File: report.bin"_s));

    // Bob: the thumbnail at once, then the image itself, fetched into his cache.
    QTRY_COMPARE(bobWindow->account().messages()->rowCount(), 3);
    MessageListModel *model = bobWindow->account().messages();
    const int imageRow = rowOfFile(model, u"lake.png"_s);
    QVERIFY(imageRow >= 0);
    QVERIFY(!model->index(imageRow).data(MessageListModel::ThumbnailRole).value<QImage>().isNull());
    QTRY_VERIFY_WITH_TIMEOUT(
        !model->index(imageRow).data(MessageListModel::PreviewRole).value<QImage>().isNull(),
        10'000);
    const QString cachedImage =
        model->index(imageRow).data(MessageListModel::LocalFileRole).toString();
    QVERIFY(cachedImage.startsWith(bobWindow->account().files()->cacheDir()));
    QCOMPARE(sha256OfFile(cachedImage), sha256OfFile(imagePath));

    // A file bubble: Download, then Open and Save as.
    const int notesRow = rowOfFile(model, u"notes.bin"_s);
    QCOMPARE(statusAt(model->index(notesRow)), FileStatus::Idle);
    QVERIFY(click(*bobWindow, notesRow, Action::Download));
    QTRY_COMPARE(statusAt(model->index(notesRow)), FileStatus::Finished);
    const QString downloaded =
        model->index(notesRow).data(MessageListModel::LocalFileRole).toString();
    QCOMPARE(downloaded, downloads + u"/notes.bin"_s); // the Downloads folder, not the cache
    QCOMPARE(sha256OfFile(downloaded), sha256OfFile(notesPath));
    QUrl opened;
    bobWindow->setUrlOpener([&](const QUrl &url) {
        opened = url;
        return true;
    });
    QVERIFY(click(*bobWindow, notesRow, Action::Open));
    QCOMPARE(opened, QUrl::fromLocalFile(downloaded));
    // "Show in folder" opens the Downloads folder in the file manager.
    QVERIFY(click(*bobWindow, notesRow, Action::ShowInFolder));
    QCOMPARE(opened, QUrl::fromLocalFile(downloads));
    QString suggested;
    const QString copy = m_dir.filePath(u"saved notes.bin"_s);
    bobWindow->setSaveFileChooser([&](const QString &proposal) {
        suggested = proposal;
        return copy;
    });
    QVERIFY(click(*bobWindow, notesRow, Action::SaveAs));
    QVERIFY(suggested.endsWith(u"/notes.bin"_s));
    QTRY_COMPARE(sha256OfFile(copy), sha256OfFile(notesPath));
    QTRY_VERIFY(bobWindow->statusBar()->currentMessage().contains(u"saved notes.bin"_s));
    // Deleted behind the client's back: Open fetches it again, then opens it.
    QVERIFY(QFile::remove(downloaded));
    opened.clear();
    QVERIFY(click(*bobWindow, notesRow, Action::Open));
    QVERIFY(opened.isEmpty());
    QTRY_COMPARE(statusAt(model->index(notesRow)), FileStatus::Finished);
    const QString fetched = model->index(notesRow).data(MessageListModel::LocalFileRole).toString();
    QTRY_COMPARE(sha256OfFile(fetched), sha256OfFile(notesPath));
    QVERIFY(click(*bobWindow, notesRow, Action::Open));
    QCOMPARE(opened, QUrl::fromLocalFile(fetched));

    // Save as before any download: straight to the chosen place.
    const int reportRow = rowOfFile(model, u"report.bin"_s);
    const QString direct = m_dir.filePath(u"direct report.bin"_s);
    bobWindow->setSaveFileChooser([&](const QString &) { return direct; });
    QVERIFY(click(*bobWindow, reportRow, Action::SaveAs));
    QTRY_COMPARE(statusAt(model->index(reportRow)), FileStatus::Finished);
    QCOMPARE(model->index(reportRow).data(MessageListModel::LocalFileRole).toString(), direct);
    QCOMPARE(sha256OfFile(direct), sha256OfFile(reportPath));
    QVERIFY(!QFile::exists(direct + u".part"_s));

    // The viewer: a click on the image; fit, zoom, save.
    QVERIFY(click(*bobWindow, imageRow, Action::View));
    ImageViewer *viewer = nullptr;
    QTRY_VERIFY((viewer = bobWindow->findChild<ImageViewer *>()) && viewer->isVisible());
    QTRY_VERIFY(viewer->isFullImage());
    QVERIFY(viewer->fitsWindow());
    QVERIFY(viewer->scale() < 1.0); // 1200 × 800 in a smaller window
    QVERIFY(viewer->imageLabel()->width() <= viewer->width());
    const qreal fitted = viewer->scale();
    viewer->zoomIn();
    QVERIFY(!viewer->fitsWindow());
    QVERIFY(viewer->scale() > fitted);
    viewer->actualSize();
    QCOMPARE(viewer->imageLabel()->size(), QSize(1200, 800));
    const QString imageCopy = m_dir.filePath(u"lake copy.png"_s);
    bobWindow->setSaveFileChooser([&](const QString &) { return imageCopy; });
    viewer->saveButton()->click();
    QTRY_COMPARE(sha256OfFile(imageCopy), sha256OfFile(imagePath));
    viewer->close();
}

// A conversation full of photos must not keep every decoded preview in memory: the cache
// holds what fits in its budget, and a preview that fell out is made again when shown.
void TestDesktopFiles::previewsStayWithinTheirCache()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    MainWindow *bobWindow = fixture.showWindow(*bob, *m_settings);
    QVERIFY(window && bobWindow);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    QTRY_COMPARE(bobWindow->account().conversations()->rowCount(), 1);
    window->openConversation(chat->id);
    bobWindow->openConversation(chat->id);
    // Room for about one preview (a 640 × 427 ARGB image is ~1.1 MB). Bob's window is hidden
    // so that only this test asks for previews: a shown window would ask for every photo on
    // screen at each repaint, and a cache with room for one cannot keep several on screen
    // (each made preview would push out the other, one decode after another; the default
    // budget, 64 MB, holds some 58 of them, more than any screen shows).
    bobWindow->account().files()->setPreviewCacheBytes(1500 * KiB);
    bobWindow->hide();

    QStringList photos;
    for (int i = 0; i < 4; ++i) {
        photos << m_dir.filePath(u"photo-%1.png"_s.arg(i));
        QVERIFY(landscape(1200, 800).save(photos.last()));
    }
    QVERIFY(window->attachFiles(photos));
    MessageListModel *model = bobWindow->account().messages();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 15'000);
    auto preview = [model](int row) {
        return model->index(row).data(MessageListModel::PreviewRole).value<QImage>();
    };
    // Each is shown in turn (as scrolling would): each gets its preview...
    for (int row = 0; row < 4; ++row) {
        QTRY_VERIFY_WITH_TIMEOUT(!preview(row).isNull(), 10'000);
        QVERIFY(bobWindow->account().files()->cachedPreviewCount() <= 1);
    }
    // ...and the first, long evicted, comes back when shown again.
    QVERIFY(preview(0).isNull());
    QTRY_VERIFY_WITH_TIMEOUT(!preview(0).isNull(), 10'000);
    QVERIFY(bobWindow->account().files()->cachedPreviewCount() <= 1);
}

void TestDesktopFiles::cancelMidUpload()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.files.windowBytes = 256 * KiB; // slow enough to catch it half-way
    DesktopFixture fixture(config);
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    window->openConversation(chat->id);
    const QString big = m_dir.filePath(u"big.bin"_s);
    QVERIFY(writeRandomFile(big, 60 * MiB, 3));

    QSignalSpy received(bob, &ClientSession::messageReceived);
    QVERIFY(window->attachFiles({big}));
    QCOMPARE(window->account().messages()->rowCount(), 1);
    const QModelIndex row = window->account().messages()->index(0);
    const auto id =
        TransferClient::TransferId(row.data(MessageListModel::UploadIdRole).toULongLong());
    QVERIFY(id != 0);
    QTRY_VERIFY_WITH_TIMEOUT(row.data(MessageListModel::FileDoneRole).toLongLong() > 0, 10'000);
    QCOMPARE(statusAt(row), FileStatus::Running);
    QVERIFY(AttachmentBubble::statusText(row).contains(u" of "_s));
    QVERIFY(click(*window, 0, Action::Cancel));
    QCOMPARE(window->account().messages()->rowCount(), 0);
    QCOMPARE(window->account().files()->client().transfer(id)->state,
             TransferClient::State::Cancelled);
    // Sent after the cancel, a text reaches Bob after anything the cancelled upload could
    // have become: once it is there, nothing else came before it.
    QVERIFY(await(alice->sendMessage(chat->id, u"never mind"_s)));
    QTRY_VERIFY(!received.isEmpty());
    QCOMPARE(received.count(), 1);
    QCOMPARE(received.first().first().value<Message>().content, u"never mind"_s);
    QTRY_COMPARE(window->account().messages()->rowCount(), 1);
    QCOMPARE(MessageType(
                 window->account().messages()->index(0).data(MessageListModel::TypeRole).toInt()),
             MessageType::Text);
}

void TestDesktopFiles::dropAndPasteSend()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    window->openConversation(chat->id);
    QSignalSpy received(bob, &ClientSession::messageReceived);

    // A file dragged from a file manager onto the conversation.
    const QString dropped = m_dir.filePath(u"dropped.txt"_s);
    QVERIFY(writeFile(dropped, "plain text, dropped\n"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dropped)});
    QWidget *target = window->findChild<QListView *>(u"messageView"_s)->viewport();
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
    // Dropped and pasted files wait in the preview strip until Enter sends them.
    auto *strip = window->findChild<AttachmentStrip *>(u"attachmentStrip"_s);
    auto *composer = window->findChild<Composer *>(u"composer"_s);
    QCOMPARE(strip->items().size(), 1);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE(received.count(), 1);
    QCOMPARE(received.at(0).first().value<Message>().type, MessageType::File);
    QCOMPARE(received.at(0).first().value<Message>().attachment.name, u"dropped.txt"_s);
    QCOMPARE(received.at(0).first().value<Message>().attachment.mimeType, u"text/plain"_s);

    // An image from the clipboard (a screenshot tool), pasted into the message box. A paste
    // from two days ago, long sent, is cleaned up; one from an hour ago stays.
    const QString pastedDir = window->account().files()->cacheDir() + u"/pasted"_s;
    QVERIFY(QDir().mkpath(pastedDir));
    const QString stale = pastedDir + u"/1.png"_s, recent = pastedDir + u"/2.png"_s;
    for (const auto &[path, age] : {std::pair{stale, -48}, std::pair{recent, -1}}) {
        QVERIFY(writeFile(path, "old paste"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(age * 3600),
                                 QFileDevice::FileModificationTime));
    }
    QGuiApplication::clipboard()->setImage(landscape(640, 360));
    window->findChild<Composer *>(u"composer"_s)->setFocus();
    window->findChild<Composer *>(u"composer"_s)->paste();
    QCOMPARE(strip->items().size(), 1);
    QVERIFY(!strip->items().first().image.isNull());
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE(received.count(), 2);
    const Message pasted = received.at(1).first().value<Message>();
    QCOMPARE(pasted.type, MessageType::Image);
    QCOMPARE(pasted.attachment.width, 640);
    QCOMPARE(pasted.attachment.height, 360);
    QVERIFY(pasted.attachment.name.endsWith(u".png"_s));
    QVERIFY(window->findChild<Composer *>(u"composer"_s)
                ->toPlainText()
                .isEmpty()); // nothing inserted as text
    QVERIFY(!QFile::exists(stale));
    QVERIFY(QFile::exists(recent));

    // Files copied in a file manager and pasted: sent too, not pasted as paths.
    auto *copied = new QMimeData;
    copied->setUrls({QUrl::fromLocalFile(dropped)});
    QGuiApplication::clipboard()->setMimeData(copied);
    window->findChild<Composer *>(u"composer"_s)->paste();
    QCOMPARE(strip->items().size(), 1);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE(received.count(), 3);
    QVERIFY(window->findChild<Composer *>(u"composer"_s)->toPlainText().isEmpty());
    // Text still pastes as text.
    QGuiApplication::clipboard()->setText(u"just words"_s);
    window->findChild<Composer *>(u"composer"_s)->paste();
    QCOMPARE(window->findChild<Composer *>(u"composer"_s)->toPlainText(), u"just words"_s);
}

void TestDesktopFiles::refusedFilesAreExplained()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.files.maxFileBytes = 1 * MiB;
    DesktopFixture fixture(config);
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    window->openConversation(chat->id);
    QSignalSpy errors(window->account().files(), &FileTransfers::errorOccurred);

    // Over the server's limit: refused at upload_start, said in words.
    const QString big = m_dir.filePath(u"holiday.mov"_s);
    QVERIFY(writeFile(big, randomBytes(2 * MiB, 4)));
    QVERIFY(window->attachFiles({big}));
    QTRY_COMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).first().toString(),
             u"“holiday.mov” is larger than this server accepts."_s);
    QCOMPARE(window->statusBar()->currentMessage(), errors.at(0).first().toString());
    QTRY_COMPARE(window->account().messages()->rowCount(), 0);

    // Empty: the server would refuse it; said before anything is sent.
    const QString empty = m_dir.filePath(u"empty.txt"_s);
    QVERIFY(writeFile(empty, {}));
    QVERIFY(!window->attachFiles({empty}));
    QCOMPARE(errors.count(), 2);
    QCOMPARE(errors.at(1).first().toString(),
             u"“empty.txt” is empty; empty files cannot be sent."_s);
    QCOMPARE(window->statusBar()->currentMessage(), errors.at(1).first().toString());

    // Unreadable: gone, or no permission.
    QVERIFY(!window->attachFiles({m_dir.filePath(u"missing.pdf"_s)}));
    QCOMPARE(errors.at(2).first().toString(), u"“missing.pdf” cannot be read."_s);
    const QString locked = m_dir.filePath(u"locked.txt"_s);
    QVERIFY(writeFile(locked, "secret"));
    QFile::setPermissions(locked, QFileDevice::WriteOwner);
    if (!QFile(locked).open(QIODevice::ReadOnly)) { // root reads anything
        QVERIFY(!window->attachFiles({locked}));
        QCOMPARE(errors.last().first().toString(), u"“locked.txt” cannot be read."_s);
    }
    QCOMPARE(window->account().messages()->rowCount(), 0);
    auto history = await(bob->history(chat->id));
    QVERIFY(history && history->messages.isEmpty());
}

void TestDesktopFiles::oddNamesTravelSafely()
{
    DesktopFixture fixture;
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    MainWindow *bobWindow = fixture.showWindow(*bob, *m_settings);
    QVERIFY(window && bobWindow);
    QTRY_COMPARE(bobWindow->account().conversations()->rowCount(), 1);
    window->openConversation(chat->id);
    bobWindow->openConversation(chat->id);
    bobWindow->account().files()->setDownloadDir(m_dir.filePath(u"odd-downloads"_s));

    // Right to left; a spoof with U+202E; a name longer than the server allows, in CJK
    // (three UTF-8 bytes a character, so the file system's 255 bytes are the real limit).
    const QString arabic = u"تقرير الربع الأول.txt"_s;
    const QString spoof = u"invoice\u202Etxt.exe"_s;
    const QString longName = QString(u"非常长的文件名"_s).repeated(50) + u".txt"_s;
    QStringList paths;
    int seed = 10;
    for (const QString &name : {arabic, spoof, longName}) {
        // The long name is too long for this disk too: the source gets a short one, and
        // the name is given to the upload the way a paste would.
        const QString path = m_dir.filePath(name == longName ? u"long.txt"_s : name);
        QVERIFY(writeFile(path, randomBytes(10 * KiB, ++seed)));
        paths.append(path);
    }
    QSignalSpy received(bob, &ClientSession::messageReceived);
    QVERIFY(window->account().files()->send(chat->id, paths.at(0)));
    QVERIFY(window->account().files()->send(chat->id, paths.at(1)));
    QVERIFY(window->account().files()->send(chat->id, paths.at(2), longName));
    QTRY_COMPARE(received.count(), 3);
    QTRY_COMPARE(bobWindow->account().messages()->rowCount(), 3);
    MessageListModel *model = bobWindow->account().messages();
    QVERIFY(rowOfFile(model, arabic) >= 0);
    // The server neutralises the override (issue 17): Bob receives U+FFFD in its place.
    const QString neutralised = u"invoice\uFFFDtxt.exe"_s;
    QVERIFY(rowOfFile(model, spoof) < 0);
    QVERIFY(rowOfFile(model, neutralised) >= 0);
    QCOMPARE(FileTransfers::displayName(spoof), u"invoicetxt.exe"_s);
    QCOMPARE(FileTransfers::displayName(u"invoice\u200Ftxt\u0007.exe"_s), u"invoicetxt.exe"_s);
    int longRow = -1;
    for (int row = 0; row < 3; ++row) {
        const auto a = model->index(row).data(MessageListModel::AttachmentRole).value<Attachment>();
        if (a.name.startsWith(u"非常长"_s))
            longRow = row;
    }
    QVERIFY(longRow >= 0);
    const QString sentLong =
        model->index(longRow).data(MessageListModel::AttachmentRole).value<Attachment>().name;
    QVERIFY(sentLong.size() <= 255);
    QVERIFY(sentLong.endsWith(u"….txt"_s));

    // All three download under names this file system takes, byte for byte.
    bobWindow->findChild<QListView *>(u"messageView"_s)
        ->resize(bobWindow->findChild<QListView *>(u"messageView"_s)->width(), 2000);
    for (int row = 0; row < 3; ++row) {
        QVERIFY(click(*bobWindow, row, Action::Download));
        QTRY_COMPARE(statusAt(model->index(row)), FileStatus::Finished);
        const QString local = model->index(row).data(MessageListModel::LocalFileRole).toString();
        QVERIFY(QFileInfo(local).fileName().toUtf8().size() <= 200);
        QVERIFY(!QFileInfo(local).fileName().contains(QChar(0x202E)));
        const auto name =
            model->index(row).data(MessageListModel::AttachmentRole).value<Attachment>().name;
        const QString source = name == arabic ? paths.at(0)
            : name == neutralised             ? paths.at(1)
                                              : paths.at(2);
        QCOMPARE(sha256OfFile(local), sha256OfFile(source));
    }
    // And they paint (the delegate elides and shapes them without trouble).
    QVERIFY(!bobWindow->grab().isNull());
}

void TestDesktopFiles::uploadResumesAfterServerRestart()
{
    Server::ServerConfig config = TestServer::defaultConfig();
    config.files.windowBytes = 256 * KiB;
    DesktopFixture fixture(config);
    QVERIFY(fixture.start());
    ClientSession *alice = fixture.signUp(u"alice"_s);
    ClientSession *bob = fixture.signUp(u"bob"_s);
    QVERIFY(alice && bob);
    auto chat = await(alice->createPrivate(bob->currentUser().id));
    QVERIFY(chat);
    MainWindow *window = fixture.showWindow(*alice, *m_settings);
    QVERIFY(window);
    QTRY_COMPARE(window->account().conversations()->rowCount(), 1);
    window->openConversation(chat->id);
    const QString source = m_dir.filePath(u"resume.bin"_s);
    QVERIFY(writeRandomFile(source, 24 * MiB, 5));

    QVERIFY(window->attachFiles({source}));
    const QModelIndex row = window->account().messages()->index(0);
    QTRY_VERIFY_WITH_TIMEOUT(row.data(MessageListModel::FileDoneRole).toLongLong() > 2 * MiB,
                             10'000);
    fixture.server().stop();
    QTRY_COMPARE(statusAt(window->account().messages()->index(0)), FileStatus::Connecting);
    QVERIFY(AttachmentBubble::statusText(window->account().messages()->index(0))
                .contains(u"Waiting for connection"_s));
    const qint64 before = row.data(MessageListModel::FileDoneRole).toLongLong();
    QVERIFY(fixture.server().restart());
    QSignalSpy received(bob, &ClientSession::messageReceived);
    QTRY_VERIFY_WITH_TIMEOUT(received.count() == 1, 30'000);
    const Message m = received.first().first().value<Message>();
    QCOMPARE(m.attachment.size, 24 * MiB);
    QVERIFY(before < 24 * MiB);
    QTRY_VERIFY(window->account().messages()->index(0).data(MessageListModel::SeqRole).toLongLong()
                > 0);
}

void TestDesktopFiles::helpers()
{
    QCOMPARE(FileTransfers::safeFileName(u"../../etc/passwd"_s), u"_.._etc_passwd"_s);
    QCOMPARE(FileTransfers::safeFileName(u".hidden"_s), u"hidden"_s);
    QCOMPARE(FileTransfers::safeFileName(u"a\tb:c.txt"_s), u"a_b_c.txt"_s);
    QCOMPARE(FileTransfers::safeFileName(QString()), u"file"_s);
    const QString emoji = QString(u"😀"_s).repeated(100) + u".png"_s;
    const QString safe = FileTransfers::safeFileName(emoji);
    QVERIFY(safe.toUtf8().size() <= 200);
    QVERIFY(safe.endsWith(u"….png"_s));
    QVERIFY(!safe.at(safe.size() - 6).isHighSurrogate()); // no half emoji before "…"
    QCOMPARE(FileTransfers::describe(Error{ErrorCode::LimitExceeded, {}, 0}, u"a.zip"_s),
             u"“a.zip” cannot be sent now: your storage on the server is full, or too many "
             "uploads are running."_s);
}

QTEST_MAIN(TestDesktopFiles)
#include "tst_desktopfiles.moc"
