// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/emojipicker.h"

#include <QGridLayout>
#include <QToolButton>

namespace Banter::Desktop {

using namespace Qt::StringLiterals;

namespace {
constexpr int Columns = 8;
}

QStringList EmojiPicker::emoji()
{
    // Faces, hands and a few objects people react with most.
    return {u"😀"_s,    u"😃"_s, u"😄"_s,    u"😁"_s,    u"😆"_s,      u"😅"_s,    u"🤣"_s, u"😂"_s,
            u"🙂"_s, u"😉"_s, u"😊"_s,    u"😇"_s,    u"🥰"_s,   u"😍"_s,    u"🤩"_s, u"😘"_s,
            u"😋"_s,    u"😜"_s, u"🤔"_s, u"🤨"_s, u"😐"_s,      u"😑"_s,    u"😶"_s,    u"🙄"_s,
            u"😏"_s,    u"😬"_s, u"😌"_s,    u"😴"_s,    u"😷"_s,      u"🤒"_s, u"🥳"_s, u"😎"_s,
            u"🤓"_s, u"😕"_s, u"😟"_s,    u"😮"_s,    u"😲"_s,      u"😳"_s,    u"🥺"_s, u"😢"_s,
            u"😭"_s,    u"😱"_s, u"😤"_s,    u"😡"_s,    u"👍"_s,      u"👎"_s,    u"👏"_s,    u"🙌"_s,
            u"🙏"_s,    u"💪"_s, u"👀"_s,    u"👋"_s,    u"✌️"_s, u"👌"_s,    u"🤝"_s, u"❤️"_s,
            u"🧡"_s, u"💛"_s, u"💚"_s,    u"💙"_s,    u"💜"_s,      u"💯"_s,    u"🔥"_s,    u"⭐"_s,
            u"🎉"_s,    u"✅"_s, u"❌"_s,    u"❓"_s,    u"💡"_s,      u"☕"_s};
}

EmojiPicker::EmojiPicker(QWidget *parent)
    : QFrame(parent, Qt::Popup)
{
    setObjectName(QStringLiteral("emojiPicker"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    setToolTip(tr("Choose an emoji"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setSpacing(2);
    const QStringList all = emoji();
    for (qsizetype i = 0; i < all.size(); ++i) {
        auto *button = new QToolButton(this);
        button->setText(all.at(i));
        button->setAutoRaise(true);
        button->setAccessibleName(all.at(i));
        connect(button, &QToolButton::clicked, this, [this, e = all.at(i)] {
            Q_EMIT picked(e);
            close();
        });
        grid->addWidget(button, int(i / Columns), int(i % Columns));
    }
}

} // namespace Banter::Desktop
