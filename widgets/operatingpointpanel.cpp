#include "operatingpointpanel.h"

#include "exitoutcomemodel.h"
#include "exitsharebars.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace exitscope::gui {

namespace {

const char *const kFigureKeys[] = {"accuracy", "agreement", "mean", "p90", "p99", "speed-up"};

QString percent(double value)
{
    return std::isnan(value) ? QString(QChar(0x2013)) : QLocale().toString(100 * value, 'f', 2) + QLatin1Char('%');
}

QLabel *boldLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

} // namespace

OperatingPointPanel::OperatingPointPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);

    auto *grid = new QGridLayout;
    grid->addWidget(boldLabel(tr("val"), this), 0, 1, Qt::AlignRight);
    grid->addWidget(boldLabel(tr("test"), this), 0, 2, Qt::AlignRight);
    const QString names[Figures] = {tr("accuracy"), tr("agreement"), tr("mean cost"), tr("p90 cost"), tr("p99 cost"),
                                    tr("speed-up")};
    for (int f = 0; f < Figures; ++f) {
        m_names[static_cast<std::size_t>(f)] = new QLabel(names[f], this);
        grid->addWidget(m_names[static_cast<std::size_t>(f)], f + 1, 0);
        for (int s = 0; s < 2; ++s) {
            auto *value = new QLabel(QString(QChar(0x2013)), this);
            value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            m_values[static_cast<std::size_t>(s)][static_cast<std::size_t>(f)] = value;
            grid->addWidget(value, f + 1, s + 1);
        }
    }
    m_names[Agreement]->setToolTip(tr("Share of the samples whose answer is the final exit's"));
    m_names[SpeedUp]->setToolTip(tr("The full model's cost (every sample to the last exit) over the mean cost"));
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    layout->addLayout(grid);

    layout->addWidget(boldLabel(tr("exit distribution"), this));
    auto *bars = new QGridLayout;
    for (int s = 0; s < 2; ++s) {
        m_bars[static_cast<std::size_t>(s)] = new ExitShareBars(this);
        bars->addWidget(m_bars[static_cast<std::size_t>(s)], 0, s);
        bars->addWidget(new QLabel(s == 0 ? tr("val, by exit") : tr("test, by exit"), this), 1, s, Qt::AlignHCenter);
    }
    layout->addLayout(bars);

    for (int s = 0; s < 2; ++s) {
        m_tableTitles[static_cast<std::size_t>(s)] = boldLabel(s == 0 ? tr("per exit, val") : tr("per exit, test"), this);
        layout->addWidget(m_tableTitles[static_cast<std::size_t>(s)]);
        auto *model = new ExitOutcomeModel(this);
        auto *table = new QTableView(this);
        table->setModel(model);
        table->setSelectionMode(QAbstractItemView::NoSelection);
        table->setFocusPolicy(Qt::NoFocus);
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        // The last column takes the rest (a Stretch section, not setStretchLastSection,
        // whose width goes stale when the row header widens and then overflows).
        table->horizontalHeader()->setSectionResizeMode(ExitOutcomeModel::Columns - 1, QHeaderView::Stretch);
        table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
        table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        m_exitModels[static_cast<std::size_t>(s)] = model;
        m_tables[static_cast<std::size_t>(s)] = table;
        layout->addWidget(table);
    }
    layout->addStretch(1);
}

void OperatingPointPanel::setTitle(const QString &title)
{
    m_title->setText(title);
}

void OperatingPointPanel::setFigures(const Evaluation *val, const Evaluation *test, const QString &testProblem,
                                     const Units &units, double scale)
{
    m_names[MeanCost]->setText(units.unit.isEmpty() ? tr("mean cost") : tr("mean cost (%1)").arg(units.unit));
    showSplit(0, val, QString(), units, scale);
    showSplit(1, test, testProblem, units, scale);
}

void OperatingPointPanel::showSplit(int split, const Evaluation *e, const QString &problem, const Units &units, double scale)
{
    auto &values = m_values[static_cast<std::size_t>(split)];
    ExitShareBars *bars = m_bars[static_cast<std::size_t>(split)];
    ExitOutcomeModel *model = m_exitModels[static_cast<std::size_t>(split)];
    const bool shown = e != nullptr;
    m_tables[static_cast<std::size_t>(split)]->setVisible(shown);
    m_tableTitles[static_cast<std::size_t>(split)]->setVisible(shown);
    if (!shown) {
        for (QLabel *value : values) {
            value->setText(QString(QChar(0x2013)));
            value->setToolTip(problem);
        }
        bars->setShares({});
        model->clear();
        return;
    }
    for (QLabel *value : values)
        value->setToolTip(QString());
    const auto cost = [scale](double c) { return QLocale().toString(c / scale, 'g', 5); };
    values[Accuracy]->setText(percent(e->accuracy));
    values[Agreement]->setText(percent(e->agreement));
    values[MeanCost]->setText(cost(e->meanCost));
    values[P90Cost]->setText(cost(e->p90Cost));
    values[P99Cost]->setText(cost(e->p99Cost));
    const double full = units.costs.empty() ? std::nan("") : units.costs.back() * scale;
    values[SpeedUp]->setText(e->meanCost > 0 && std::isfinite(full) ? QLocale().toString(full / e->meanCost, 'f', 2) + QChar(0xd7)
                                                                     : QString(QChar(0x2013)));
    bars->setShares(e->exitDistribution());
    model->setOutcomes(e->exits, units.costs, units.agreement);
    // As tall as its rows: the panel scrolls, the tables do not.
    QTableView *table = m_tables[static_cast<std::size_t>(split)];
    table->setFixedHeight(table->horizontalHeader()->sizeHint().height() + model->rowCount() * table->verticalHeader()->defaultSectionSize()
                          + 2 * table->frameWidth() + (table->horizontalScrollBar()->isVisible() ? table->horizontalScrollBar()->height() : 0));
    // As wide as its columns too (a translation's longer headers widen the panel, and the
    // dock with it, rather than hide a column behind a scroll bar).
    int width = table->verticalHeader()->sizeHint().width() + 2 * table->frameWidth();
    for (int c = 0; c < model->columnCount(); ++c) {
        int column = table->horizontalHeader()->sectionSizeHint(c);
        for (int r = 0; r < model->rowCount(); ++r)
            column = std::max(column, table->sizeHintForIndex(model->index(r, c)).width() + (table->showGrid() ? 1 : 0));
        width += column;
    }
    table->setMinimumWidth(width);
}

QString OperatingPointPanel::figureText(const QString &figure, int split) const
{
    for (int f = 0; f < Figures; ++f)
        if (figure == QLatin1String(kFigureKeys[f]))
            return m_values[static_cast<std::size_t>(split)][static_cast<std::size_t>(f)]->text();
    return {};
}

} // namespace exitscope::gui
