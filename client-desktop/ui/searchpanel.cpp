// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/searchpanel.h"

#include "core/conversationlistmodel.h"
#include "core/errortext.h"
#include "core/searchresultsmodel.h"
#include "ui/searchhitdelegate.h"
#include <banter/protocol/searchmessages.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Banter::Desktop {

SearchPanel::SearchPanel(ClientSession &session, const ConversationListModel &conversations,
                         QWidget *parent)
    : QWidget(parent)
    , m_conversations(conversations)
    , m_results(new SearchResultsModel(session, conversations, this))
    , m_scopeLabel(new QLabel(this))
    , m_close(new QToolButton(this))
    , m_query(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_list(new QListView(this))
    , m_more(new QPushButton(this))
{
    setObjectName(QStringLiteral("searchPanel"));
    m_scopeLabel->setObjectName(QStringLiteral("searchScope"));
    QFont bold = m_scopeLabel->font();
    bold.setBold(true);
    m_scopeLabel->setFont(bold);
    m_close->setObjectName(QStringLiteral("searchClose"));
    m_close->setText(QStringLiteral("✕"));
    m_close->setAutoRaise(true);
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setClearButtonEnabled(true);
    m_query->setMaxLength(Protocol::SearchRequest::MaxQueryChars);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_list->setObjectName(QStringLiteral("searchResults"));
    m_list->setModel(m_results);
    m_list->setItemDelegate(new SearchHitDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_more->setObjectName(QStringLiteral("searchMore"));
    m_more->setFlat(true);

    auto *head = new QHBoxLayout;
    head->addWidget(m_scopeLabel, 1);
    head->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->addLayout(head);
    layout->addWidget(m_query);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_more);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchPanel::searchNow);
    connect(m_query, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_results, &SearchResultsModel::stateChanged, this, &SearchPanel::updateState);
    connect(m_results, &SearchResultsModel::failed, this, &SearchPanel::showError);
    connect(m_more, &QPushButton::clicked, m_results, &SearchResultsModel::loadMore);
    connect(m_close, &QToolButton::clicked, this, &SearchPanel::dismiss);
    connect(m_list, &QListView::activated, this,
            [this](const QModelIndex &index) { activate(index.row()); });
    connect(m_list, &QListView::clicked, this,
            [this](const QModelIndex &index) { activate(index.row()); });
    m_query->installEventFilter(this);
    m_list->installEventFilter(this);
    retranslate();
    updateState();
}

void SearchPanel::open(ConversationId scope)
{
    const bool changed = scope != m_scope;
    m_scope = scope;
    retranslate();
    show();
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
    if (changed && !m_query->text().trimmed().isEmpty())
        searchNow();
}

void SearchPanel::searchNow()
{
    m_debounce.stop();
    m_error.clear();
    if (m_query->text().trimmed() == m_results->query() && m_scope == m_results->scope()
        && (m_results->isLoading() || m_results->hasAnswer()))
        return; // the same search again (Enter after the pause)
    m_results->search(m_query->text(), m_scope);
}

void SearchPanel::activate(int row)
{
    if (row < 0 || row >= m_results->rowCount())
        return;
    const Protocol::SearchHit &hit = m_results->hit(row);
    Q_EMIT jumpRequested(hit.conversationId, hit.seq);
}

void SearchPanel::dismiss()
{
    m_debounce.stop();
    hide();
    Q_EMIT closed();
}

void SearchPanel::showError(const Error &error)
{
    m_error = ErrorText::describe(error);
    updateState();
}

void SearchPanel::updateState()
{
    m_more->setVisible(m_results->hasMore());
    m_more->setEnabled(!m_results->isLoading());
    QString status;
    if (!m_error.isEmpty())
        status = tr("Search failed: %1").arg(m_error);
    else if (m_results->isLoading())
        status = tr("Searching…");
    else if (m_results->hasAnswer() && m_results->rowCount() == 0)
        status = m_results->hasMore() ? tr("Nothing found yet; older messages remain.")
                                      : tr("No messages found.");
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
    if (!m_list->currentIndex().isValid() && m_results->rowCount() > 0)
        m_list->setCurrentIndex(m_results->index(0));
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        event->accept(); // Esc closes the panel rather than doing the window's Esc
        return true;
    }
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const int key = static_cast<QKeyEvent *>(event)->key();
    if (key == Qt::Key_Escape) {
        dismiss();
        return true;
    }
    if (watched == m_query && (key == Qt::Key_Return || key == Qt::Key_Enter)) {
        // Still typing: search now; otherwise go to the chosen hit.
        if (m_debounce.isActive() || !m_results->hasAnswer())
            searchNow();
        else
            activate(m_list->currentIndex().isValid() ? m_list->currentIndex().row() : 0);
        return true;
    }
    if (watched == m_query && (key == Qt::Key_Down || key == Qt::Key_Up)
        && m_results->rowCount() > 0) {
        const int row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
        const int next = qBound(0, row + (key == Qt::Key_Down ? 1 : -1), m_results->rowCount() - 1);
        m_list->setCurrentIndex(m_results->index(next));
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void SearchPanel::retranslate()
{
    if (m_scope == 0) {
        m_scopeLabel->setText(tr("Search all conversations"));
    } else {
        const int row = m_conversations.rowOf(m_scope);
        const QString name = row < 0
            ? QString()
            : m_conversations.index(row).data(ConversationListModel::NameRole).toString();
        m_scopeLabel->setText(tr("Search in %1").arg(name));
    }
    m_close->setToolTip(tr("Close the search (Esc)"));
    m_query->setPlaceholderText(tr("Search messages"));
    m_more->setText(tr("More results"));
    updateState();
}

void SearchPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace Banter::Desktop
