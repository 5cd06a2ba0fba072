// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/peoplepicker.h"

#include "core/contactlistmodel.h"
#include <banter/client/clientsession.h>

#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace Banter::Desktop {

namespace {
constexpr int SearchDelayMs = 250;

bool matches(const User &user, const QString &text)
{
    return text.isEmpty() || user.username.contains(text, Qt::CaseInsensitive)
        || user.displayName.contains(text, Qt::CaseInsensitive);
}
} // namespace

PeoplePicker::PeoplePicker(ClientSession &session, const ContactListModel &contacts, Mode mode,
                           QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_contacts(contacts)
    , m_mode(mode)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    m_search->setPlaceholderText(tr("Search contacts or all users"));
    m_search->setClearButtonEnabled(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(SearchDelayMs);

    connect(&m_searchDelay, &QTimer::timeout, this, &PeoplePicker::searchServer);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        m_found.clear();
        rebuild();
        m_searchDelay.start();
    });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const UserId id = item->data(Qt::UserRole).toLongLong();
        if (item->checkState() == Qt::Checked)
            m_checked.insert(id);
        else
            m_checked.remove(id);
        Q_EMIT selectionChanged();
    });
    connect(m_list, &QListWidget::currentItemChanged, this, &PeoplePicker::selectionChanged);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT activated(item->data(Qt::UserRole).toLongLong());
    });
    connect(&contacts, &QAbstractItemModel::modelReset, this, &PeoplePicker::rebuild);
    connect(&contacts, &QAbstractItemModel::rowsInserted, this, &PeoplePicker::rebuild);
    rebuild();
}

void PeoplePicker::setExcluded(const QSet<UserId> &excluded)
{
    m_excluded = excluded;
    rebuild();
}

QList<UserId> PeoplePicker::selected() const
{
    if (m_mode == Mode::Multiple)
        return QList<UserId>(m_checked.cbegin(), m_checked.cend());
    if (const QListWidgetItem *item = m_list->currentItem())
        return {item->data(Qt::UserRole).toLongLong()};
    return {};
}

void PeoplePicker::clearSelection()
{
    m_checked.clear();
    rebuild();
    Q_EMIT selectionChanged();
}

void PeoplePicker::rebuild()
{
    const QString text = m_search->text().trimmed();
    const QSignalBlocker blocker(m_list);
    const UserId current =
        m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toLongLong() : 0;
    m_list->clear();
    QSet<UserId> shown = m_excluded;
    shown.insert(m_session.currentUser().id);
    auto add = [&](const User &user) {
        if (shown.contains(user.id) || !matches(user, text))
            return;
        shown.insert(user.id);
        auto *item =
            new QListWidgetItem(tr("%1 (@%2)").arg(user.shownName(), user.username), m_list);
        item->setData(Qt::UserRole, user.id);
        if (m_mode == Mode::Multiple) {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(m_checked.contains(user.id) ? Qt::Checked : Qt::Unchecked);
        }
        if (user.id == current)
            m_list->setCurrentItem(item);
    };
    for (const Protocol::Contact &contact : m_contacts.contacts()) {
        if (!contact.blocked)
            add(contact.user);
    }
    for (const User &user : std::as_const(m_found))
        add(user);
    if (m_mode == Mode::Single && !m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    // The list's own signals are blocked while it is rebuilt, so say here when what is
    // selected changed: otherwise a search result shown as selected (the first row) could
    // not be started, and clicking it again changes nothing.
    const UserId now =
        m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toLongLong() : 0;
    if (m_mode == Mode::Single && now != current)
        Q_EMIT selectionChanged();
}

void PeoplePicker::searchServer()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty())
        return;
    m_session.searchUsers(text).then(this, [this, text](Result<Protocol::UsersReply> reply) {
        if (!reply || text != m_search->text().trimmed())
            return; // failed, or the text changed meanwhile
        m_found = reply->users;
        rebuild();
    });
}

} // namespace Banter::Desktop
