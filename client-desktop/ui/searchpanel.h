// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QToolButton;

namespace Banter {
class ClientSession;
struct Error;
} // namespace Banter

namespace Banter::Desktop {

class ConversationListModel;
class SearchResultsModel;

// Message search beside the open conversation: Ctrl+F searches that conversation,
// Ctrl+Shift+F all of them. The query is sent a moment after typing stops (or at once with
// Enter); results show the conversation, the sender, the time and the snippet with its
// matches marked; "More results" pages on. Enter or a click on a hit asks to jump there
// (jumpRequested()); Esc closes the panel. Errors (offline, too many searches) show in it.
//
// Tests find: searchQuery, searchScope, searchStatus, searchResults, searchMore, searchClose.
class SearchPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int DebounceMs = 300;

    SearchPanel(ClientSession &session, const ConversationListModel &conversations,
                QWidget *parent = nullptr);

    // Shows the panel searching `scope` (0: all conversations), with the query selected so
    // typing replaces it; searches again if the scope changed.
    void open(ConversationId scope);
    ConversationId scope() const { return m_scope; }
    SearchResultsModel *results() const { return m_results; }
    // Searches now what the query box holds (what the debounce timer does).
    void searchNow();
    // Jumps to the hit in `row` of the results.
    void activate(int row);

Q_SIGNALS:
    void jumpRequested(Banter::ConversationId conversation, Banter::Seq seq);
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateState();
    void showError(const Error &error);
    void dismiss();

    const ConversationListModel &m_conversations;
    SearchResultsModel *m_results;
    QLabel *m_scopeLabel;
    QToolButton *m_close;
    QLineEdit *m_query;
    QLabel *m_status;
    QListView *m_list;
    QPushButton *m_more;
    QTimer m_debounce;
    ConversationId m_scope = 0;
    QString m_error; // the last failure, shown until the next search
};

} // namespace Banter::Desktop
