// ATen's thread settings only: this file includes no other torch header.
#include "core/jobs/torchthreads.h"

#include <ATen/Parallel.h>

namespace exitscope {

TorchThreads::TorchThreads(int threads)
{
    if (threads <= 0)
        return;
    m_previous = at::get_num_threads();
    at::set_num_threads(threads);
}

TorchThreads::~TorchThreads()
{
    if (m_previous > 0)
        at::set_num_threads(m_previous);
}

int TorchThreads::current()
{
    return at::get_num_threads();
}

} // namespace exitscope
