#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace exitscope {

// What a progress callback receives: the fraction of the whole job done (never lower than
// the previous update's), what is being done, and the estimated seconds left (negative
// while unknown).
struct ProgressUpdate
{
    double fraction = 0;
    std::string message;
    double secondsLeft = -1;
};

using ProgressCallback = std::function<void(const ProgressUpdate &)>;

// Progress of one job, reported from any thread. A job that runs parts in turn gives each
// part a sub-range (`part(from, to, label)`): the part reports its own 0..1 and the user
// sees the job's, each message under the part's label ("val: batch 3"). Copies share the callback and the job's state; reports are serialized, the
// fraction never goes backwards, and the ETA is estimated from the elapsed time. A
// default-constructed Progress discards everything.
class Progress
{
public:
    Progress() = default;
    explicit Progress(ProgressCallback callback);

    // `fraction` of this range (clamped to [0, 1]).
    void report(double fraction, const std::string &message) const;
    // The sub-range [from, to] of this range, both in this range's 0..1; a non-empty label
    // names what the part's reports are about (the part's own message follows it).
    Progress part(double from, double to, const std::string &label = {}) const;
    bool enabled() const { return m_shared != nullptr; }

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
    double m_from = 0;
    double m_to = 1;
    std::string m_label;
};

} // namespace exitscope
