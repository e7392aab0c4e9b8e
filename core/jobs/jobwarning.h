#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace exitscope {

// Something the user should know that does not stop the job: a budget clamped, a policy
// that cannot run on this trace, the machine's speed changed since profiling. `id` is a
// stable key for scripts and JSON ("budget-clamped"); `message` is the sentence to show.
struct JobWarning
{
    std::string id;
    std::string message;
};

// Collects warnings from any thread, in the order they came.
class WarningList
{
public:
    void add(JobWarning warning)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_warnings.push_back(std::move(warning));
    }
    std::vector<JobWarning> take()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return std::move(m_warnings);
    }

private:
    std::mutex m_mutex;
    std::vector<JobWarning> m_warnings;
};

using WarningSink = std::function<void(const JobWarning &)>;

} // namespace exitscope
