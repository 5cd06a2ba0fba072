// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/message.h>

#include <QDialog>
#include <QImage>

class QLabel;
class QScrollArea;
class QToolButton;

namespace Banter::Desktop {

class FileTransfers;

// An image message at full size: the thumbnail at once, the image when it has downloaded;
// fit to the window or zoomed (buttons, Ctrl+wheel, +/−/0), and save-as.
class ImageViewer : public QDialog
{
    Q_OBJECT
public:
    ImageViewer(FileTransfers &files, const Attachment &attachment, QWidget *parent = nullptr);

    bool isFullImage() const { return m_full; }
    bool fitsWindow() const { return m_fit; }
    qreal scale() const { return m_scale; }
    QLabel *imageLabel() const { return m_label; }
    QToolButton *saveButton() const { return m_save; }

    void setFitToWindow(bool fit);
    void zoomIn();
    void zoomOut();
    void actualSize();

Q_SIGNALS:
    void saveRequested(const Banter::Attachment &attachment);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void load();
    void updateStatus();
    void render();
    qreal fitScale() const;

    FileTransfers &m_files;
    Attachment m_attachment;
    QImage m_image;
    bool m_full = false;
    bool m_fit = true;
    qreal m_scale = 1.0;
    QScrollArea *m_area;
    QLabel *m_label;
    QLabel *m_status;
    QToolButton *m_fitButton;
    QToolButton *m_save;
};

} // namespace Banter::Desktop
