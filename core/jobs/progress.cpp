#include "core/jobs/progress.h"

#include <algorithm>
#include <mutex>

namespace exitscope {

struct Progress::Shared
{
    std::mutex mutex;
    ProgressCallback callback;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    double fraction = 0;
};

Progress::Progress(ProgressCallback callback)
    : m_shared(callback ? std::make_shared<Shared>() : nullptr)
{
    if (m_shared)
        m_shared->callback = std::move(callback);
}

void Progress::report(double fraction, const std::string &message) const
{
    if (!m_shared)
        return;
    const double local = std::clamp(fraction, 0.0, 1.0);
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    ProgressUpdate update;
    update.fraction = std::max(m_shared->fraction, m_from + (m_to - m_from) * local);
    m_shared->fraction = update.fraction;
    update.message = m_label.empty() ? message : message.empty() ? m_label : m_label + ": " + message;
    // Linear extrapolation once there is something to extrapolate from: the first 1% and
    // the first half second say little about the rest.
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_shared->start).count();
    if (update.fraction >= 1.0)
        update.secondsLeft = 0;
    else if (update.fraction >= 0.01 && elapsed >= 0.5)
        update.secondsLeft = elapsed * (1.0 - update.fraction) / update.fraction;
    m_shared->callback(update);
}

Progress Progress::part(double from, double to, const std::string &label) const
{
    Progress sub = *this;
    if (!label.empty())
        sub.m_label = m_label.empty() ? label : m_label + ": " + label;
    sub.m_from = m_from + (m_to - m_from) * std::clamp(from, 0.0, 1.0);
    sub.m_to = m_from + (m_to - m_from) * std::clamp(std::max(from, to), 0.0, 1.0);
    return sub;
}

} // namespace exitscope
