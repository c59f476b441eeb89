#include "ui/filter_chips_bar.h"

#include "core/text_format.h"
#include "ui/flow_layout.h"

#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace fibrokb::app {

FilterChipsBar::FilterChipsBar(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("filterChips"));
    layout_ = new FlowLayout(this, 6);
    layout_->setContentsMargins(0, 2, 0, 2);
    auto* label = new QLabel(tr("Showing only:"), this);
    layout_->addWidget(label);
    clearAll_ = new QPushButton(tr("Clear all"), this);
    clearAll_->setObjectName(QStringLiteral("chipsClearAll"));
    clearAll_->setAccessibleName(tr("Clear all filters"));
    clearAll_->setFlat(true);
    connect(clearAll_, &QPushButton::clicked, this, &FilterChipsBar::clearAllRequested);
    layout_->addWidget(clearAll_);
    hide();
}

QToolButton* FilterChipsBar::addChip(const QString& label, const std::function<void()>& onRemove)
{
    auto* chip = new QToolButton(this);
    chip->setObjectName(QStringLiteral("filterChip"));
    chip->setText(label + QStringLiteral("  \u2715"));
    chip->setAccessibleName(tr("Remove filter: %1").arg(label));
    chip->setToolTip(tr("Remove this filter"));
    chip->setAutoRaise(false);
    chip->setFocusPolicy(Qt::StrongFocus);
    connect(chip, &QToolButton::clicked, this, onRemove);
    chips_ << chip;
    // Keep "Clear all" last.
    layout_->removeWidget(clearAll_);
    layout_->addWidget(chip);
    layout_->addWidget(clearAll_);
    return chip;
}

void FilterChipsBar::setQuery(const SearchQuery& query, const QHash<QString, QString>& topicLabels)
{
    for (QToolButton* chip : std::as_const(chips_)) {
        layout_->removeWidget(chip);
        chip->deleteLater();
    }
    chips_.clear();
    for (const QString& topic : query.topics)
        addChip(topicLabels.value(topic, topic), [this, topic] { Q_EMIT topicRemoved(topic); });
    if (!query.type.isEmpty())
        addChip(query.type == QLatin1String("faq") ? tr("Questions and answers") : tr("Articles"),
                [this] { Q_EMIT typeRemoved(); });
    if (!query.audience.isEmpty())
        addChip(audienceLabel(query.audience), [this] { Q_EMIT audienceRemoved(); });
    setVisible(!chips_.isEmpty());
    updateGeometry();
}

}  // namespace fibrokb::app
