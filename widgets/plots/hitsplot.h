#pragma once

#include "widgets/plots/plotwidget.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace exitscope::gui {

// Per exit, the samples a real run sent there beside the samples the trace-based
// evaluation predicted there: two bars per exit, side by side.
class HitsPlot : public PlotWidget
{
    Q_OBJECT
public:
    explicit HitsPlot(QWidget *parent = nullptr);
    ~HitsPlot() override;

    void setHits(const std::vector<std::int64_t> &run, const std::vector<std::int64_t> &predicted);
    const std::vector<std::int64_t> &runHits() const;
    const std::vector<std::int64_t> &predictedHits() const;

protected:
    void applyColors() override;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace exitscope::gui
