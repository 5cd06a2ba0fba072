// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/lanserverlist.h"

#include "core/lanservermodel.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace Banter::Desktop {

using namespace Qt::StringLiterals;

namespace {
constexpr int VisibleRows = 3;
constexpr int Padding = 4;

// Two lines a row: the name in bold, then the address and whether the connection is
// encrypted, said in words so that it does not rest on an icon or a colour.
class LanServerDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QString detail(const QModelIndex &index)
    {
        return index.data(LanServerModel::TlsRole).toBool()
            ? LanServerList::tr("%1 · 🔒 TLS")
                  .arg(index.data(LanServerModel::AddressRole).toString())
            : LanServerList::tr("%1 · no TLS (not encrypted)")
                  .arg(index.data(LanServerModel::AddressRole).toString());
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {option.rect.width(), 2 * option.fontMetrics.lineSpacing() + 2 * Padding};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem panel = option;
        initStyleOption(&panel, index);
        panel.text.clear();
        const QStyle *style = panel.widget ? panel.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &panel, painter, panel.widget);

        const bool selected = option.state.testFlag(QStyle::State_Selected);
        const QPalette::ColorRole text = selected ? QPalette::HighlightedText : QPalette::Text;
        const QRect area = option.rect.adjusted(2 * Padding, Padding, -2 * Padding, -Padding);
        const int line = option.fontMetrics.lineSpacing();
        painter->save();
        painter->setPen(option.palette.color(text));
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        const QString name = index.data(Qt::DisplayRole).toString();
        painter->drawText(QRect(area.left(), area.top(), area.width(), line),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(bold).elidedText(name, Qt::ElideRight, area.width()));
        painter->setFont(option.font);
        if (!selected)
            painter->setPen(option.palette.color(QPalette::PlaceholderText));
        painter->drawText(
            QRect(area.left(), area.top() + line, area.width(), line),
            Qt::AlignLeft | Qt::AlignVCenter,
            option.fontMetrics.elidedText(detail(index), Qt::ElideRight, area.width()));
        painter->restore();
    }
};
} // namespace

LanServerList::LanServerList(QWidget *parent)
    : QWidget(parent)
    , m_model(new LanServerModel(this))
    , m_pages(new QStackedWidget(this))
    , m_view(new QListView(this))
    , m_empty(new QLabel(this))
{
    auto *heading = new QLabel(tr("Servers on your network:"), this);
    m_view->setObjectName(u"lanServers"_s);
    m_view->setAccessibleName(tr("Servers on your network"));
    m_view->setAccessibleDescription(
        tr("Choose one to fill in the server address. Found servers are not verified: Banter "
           "still asks you to check the certificate the first time."));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new LanServerDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setUniformItemSizes(true);
    heading->setBuddy(m_view);
    m_empty->setObjectName(u"lanServersEmpty"_s);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setFrameShape(QFrame::StyledPanel);
    m_empty->setMargin(2 * Padding);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    // The sentence takes the list's place while it is empty, so the dialog keeps its size
    // when servers come and go.
    m_pages->addWidget(m_empty);
    m_pages->addWidget(m_view);
    m_pages->setFixedHeight(VisibleRows * (2 * fontMetrics().lineSpacing() + 2 * Padding)
                            + 2 * m_view->frameWidth());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_pages);

    m_searching.setSingleShot(true);
    m_searching.setInterval(ServerBrowser::Options{}.queryIntervalMs);
    connect(&m_searching, &QTimer::timeout, this, &LanServerList::updateEmptyState);
    const auto choose = [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT chosen(m_model->server(index.row()));
    };
    connect(m_view, &QListView::clicked, this, choose);
    connect(m_view, &QListView::activated, this, choose);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &LanServerList::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &LanServerList::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LanServerList::updateEmptyState);
    updateEmptyState();
}

void LanServerList::setBrowserOptions(const ServerBrowser::Options &options)
{
    m_model->setBrowserOptions(options);
}

void LanServerList::start()
{
    m_model->start();
    m_searching.start();
    updateEmptyState();
}

void LanServerList::stop()
{
    m_searching.stop();
    m_model->stop();
    updateEmptyState();
}

QString LanServerList::emptyText() const
{
    return m_model->rowCount() == 0 ? m_empty->text() : QString();
}

void LanServerList::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_pages->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_view);
    if (!m_model->isActive())
        m_empty->setText(tr("Not searching this network for servers; type the address above."));
    else if (m_searching.isActive())
        m_empty->setText(tr("Searching for servers on your network…"));
    else
        m_empty->setText(tr("No servers found on your network yet. You can type an address "
                            "above."));
    if (empty && m_view->currentIndex().isValid())
        m_view->setCurrentIndex({});
    // Keyboard users start on the first one (current, not selected: nothing is chosen yet).
    if (!empty && !m_view->currentIndex().isValid())
        m_view->selectionModel()->setCurrentIndex(m_model->index(0), QItemSelectionModel::NoUpdate);
}

} // namespace Banter::Desktop
