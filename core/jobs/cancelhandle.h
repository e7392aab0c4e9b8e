#pragma once

#include <atomic>
#include <memory>

namespace exitscope {

// Asks a running job to stop. Copies share one flag, so the handle can be kept by whoever
// started the job (a window, a signal handler) and handed to workers by value: no raw
// pointer to a token that may already be gone. Set from any thread; jobs poll it.
class CancelHandle
{
public:
    CancelHandle()
        : m_flag(std::make_shared<std::atomic<bool>>(false))
    {
    }
    void cancel() const { m_flag->store(true, std::memory_order_relaxed); }
    bool cancelled() const { return m_flag->load(std::memory_order_relaxed); }

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

// The one way a job says it stopped because it was asked to: thrown from the depths of
// the work (throwIfCancelled), caught by whoever runs the job. It is not an error, so it
// is deliberately not a std::exception: no `catch (const std::exception &)` turns it into
// an error message.
struct Cancelled
{
};

inline void throwIfCancelled(const CancelHandle &cancel)
{
    if (cancel.cancelled())
        throw Cancelled{};
}

} // namespace exitscope
