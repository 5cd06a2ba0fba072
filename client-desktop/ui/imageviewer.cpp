// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/imageviewer.h"

#include "core/filetransfers.h"

#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace Banter::Desktop {

namespace {
constexpr qreal ZoomStep = 1.25;
constexpr qreal MinScale = 0.05;
constexpr qreal MaxScale = 8.0;
} // namespace

ImageViewer::ImageViewer(FileTransfers &files, const Attachment &attachment, QWidget *parent)
    : QDialog(parent)
    , m_files(files)
    , m_attachment(attachment)
    , m_area(new QScrollArea(this))
    , m_label(new QLabel(this))
    , m_status(new QLabel(this))
    , m_fitButton(new QToolButton(this))
    , m_save(new QToolButton(this))
{
    setWindowTitle(FileTransfers::displayName(attachment.name));
    m_label->setAlignment(Qt::AlignCenter);
    m_area->setWidget(m_label);
    m_area->setAlignment(Qt::AlignCenter);
    m_area->setWidgetResizable(false);
    m_area->viewport()->installEventFilter(this);
    m_area->setBackgroundRole(QPalette::Dark);

    m_fitButton->setText(tr("Fit"));
    m_fitButton->setToolTip(tr("Fit to window (F)"));
    m_fitButton->setCheckable(true);
    m_fitButton->setChecked(true);
    auto *zoomIn = new QToolButton(this);
    zoomIn->setText(tr("Zoom in"));
    zoomIn->setToolTip(tr("Zoom in (+, Ctrl+wheel)"));
    auto *zoomOut = new QToolButton(this);
    zoomOut->setText(tr("Zoom out"));
    zoomOut->setToolTip(tr("Zoom out (−, Ctrl+wheel)"));
    auto *actual = new QToolButton(this);
    actual->setText(tr("100%"));
    actual->setToolTip(tr("Actual size (0)"));
    m_save->setText(tr("Save as…"));
    m_save->setObjectName(QStringLiteral("saveButton"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_fitButton);
    bar->addWidget(zoomOut);
    bar->addWidget(zoomIn);
    bar->addWidget(actual);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 6);
    layout->addWidget(m_area, 1);
    auto *barHolder = new QWidget(this);
    bar->setContentsMargins(8, 0, 8, 0);
    barHolder->setLayout(bar);
    layout->addWidget(barHolder);

    connect(m_fitButton, &QToolButton::toggled, this, &ImageViewer::setFitToWindow);
    connect(zoomIn, &QToolButton::clicked, this, &ImageViewer::zoomIn);
    connect(zoomOut, &QToolButton::clicked, this, &ImageViewer::zoomOut);
    connect(actual, &QToolButton::clicked, this, &ImageViewer::actualSize);
    connect(m_save, &QToolButton::clicked, this, [this] { Q_EMIT saveRequested(m_attachment); });
    new QShortcut(QKeySequence(Qt::Key_Plus), this, this, &ImageViewer::zoomIn);
    new QShortcut(QKeySequence(Qt::Key_Equal), this, this, &ImageViewer::zoomIn);
    new QShortcut(QKeySequence(Qt::Key_Minus), this, this, &ImageViewer::zoomOut);
    new QShortcut(QKeySequence(Qt::Key_0), this, this, &ImageViewer::actualSize);
    new QShortcut(QKeySequence(Qt::Key_F), this, this, [this] { m_fitButton->setChecked(!m_fit); });
    connect(&m_files, &FileTransfers::fileChanged, this, [this](const QString &fileId) {
        if (fileId == m_attachment.fileId)
            load();
    });

    resize(900, 680);
    // The thumbnail straight away; the full image when it is here.
    m_image = m_files.thumbnail(attachment);
    m_files.download(attachment);
    load();
}

void ImageViewer::load()
{
    const FileState state = m_files.state(m_attachment.fileId);
    if (!m_full && state.status == FileStatus::Finished) {
        QImageReader reader(state.localPath);
        reader.setAutoTransform(true);
        const QImage full = reader.read();
        if (!full.isNull()) {
            m_image = full;
            m_full = true;
        }
    }
    updateStatus();
    render();
}

void ImageViewer::updateStatus()
{
    const QLocale locale;
    const FileState state = m_files.state(m_attachment.fileId);
    QString text;
    if (m_full)
        text = tr("%1 × %2 · %3 · %4%")
                   .arg(m_image.width())
                   .arg(m_image.height())
                   .arg(locale.formattedDataSize(m_attachment.size))
                   .arg(qRound(m_scale * 100));
    else if (state.status == FileStatus::Failed)
        text = state.error;
    else if (state.status == FileStatus::Connecting)
        text = tr("Waiting for connection…");
    else
        text = tr("Loading the full image… %1 of %2")
                   .arg(locale.formattedDataSize(state.done),
                        locale.formattedDataSize(m_attachment.size));
    m_status->setText(text);
    m_save->setEnabled(true);
}

qreal ImageViewer::fitScale() const
{
    if (m_image.isNull())
        return 1.0;
    const QSize room = m_area->viewport()->size() - QSize(2, 2);
    const qreal fit =
        qMin(qreal(room.width()) / m_image.width(), qreal(room.height()) / m_image.height());
    // A small image is shown at its size, not blown up; a thumbnail fills the window.
    return m_full ? qMin(1.0, fit) : fit;
}

void ImageViewer::render()
{
    if (m_image.isNull())
        return;
    if (m_fit)
        m_scale = fitScale();
    const QSize size = (QSizeF(m_image.size()) * m_scale).toSize().expandedTo(QSize(1, 1));
    const qreal dpr = devicePixelRatioF();
    QPixmap pixmap = QPixmap::fromImage(
        m_image.scaled(size * dpr, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(dpr);
    m_label->setPixmap(pixmap);
    m_label->resize(size);
    if (m_full)
        updateStatus();
}

void ImageViewer::setFitToWindow(bool fit)
{
    m_fit = fit;
    if (m_fitButton->isChecked() != fit)
        m_fitButton->setChecked(fit);
    render();
}

void ImageViewer::zoomIn()
{
    m_scale = qMin(MaxScale, m_scale * ZoomStep);
    setFitToWindow(false);
}

void ImageViewer::zoomOut()
{
    m_scale = qMax(MinScale, m_scale / ZoomStep);
    setFitToWindow(false);
}

void ImageViewer::actualSize()
{
    m_scale = 1.0;
    setFitToWindow(false);
}

bool ImageViewer::eventFilter(QObject *watched, QEvent *event)
{
    // Fit to what the viewport really has: it gets its size only once laid out and shown.
    if (watched == m_area->viewport() && event->type() == QEvent::Resize && m_fit)
        render();
    if (watched == m_area->viewport() && event->type() == QEvent::Wheel) {
        auto *wheel = static_cast<QWheelEvent *>(event);
        if (wheel->modifiers() & Qt::ControlModifier) {
            if (wheel->angleDelta().y() > 0)
                zoomIn();
            else if (wheel->angleDelta().y() < 0)
                zoomOut();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Banter::Desktop
