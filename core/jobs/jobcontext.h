#pragma once

#include "core/jobs/cancelhandle.h"
#include "core/jobs/jobwarning.h"
#include "core/jobs/progress.h"

namespace exitscope {

// What every slow core function takes: how to learn that it should stop, where its
// progress goes, and where its warnings go. Cheap to copy; copies share all three. A
// default JobContext is never cancelled and reports nowhere.
struct JobContext
{
    CancelHandle cancel;
    Progress progress;
    WarningSink warn; // called from worker threads; may be empty

    bool cancelled() const { return cancel.cancelled(); }
    void throwIfCancelled() const { exitscope::throwIfCancelled(cancel); }
    void warning(JobWarning w) const
    {
        if (warn)
            warn(w);
    }
    // The same job seen by one of its parts: progress limited to [from, to], its messages
    // under `label`.
    JobContext part(double from, double to, const std::string &label = {}) const
    {
        return {cancel, progress.part(from, to, label), warn};
    }
};

} // namespace exitscope
