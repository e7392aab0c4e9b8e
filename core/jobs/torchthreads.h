#pragma once

namespace exitscope {

// LibTorch's intra-op thread count for one job: set on the calling thread while the object
// lives, restored when it goes. Jobs that run models (trace collection, profiling, real
// early-exit runs) take the count in their options, and EENet's training runs on one thread
// (so its float sums, and its result, do not depend on the machine); each holds one of
// these on the thread that does the work, so that the count is the job's setting, not a
// process-wide change.
//
// What LibTorch 1.13 (Debian's: OpenMP backend, no MKL, at::get_parallel_info()) isolates:
// at::set_num_threads sets OpenMP's nthreads ICV of the calling thread
// (omp_set_num_threads), so two jobs on two threads each run with their own count
// (tst_model checks it). Not isolated: LibTorch also stores the last count set in one
// process-wide value, which a thread adopts on its first ATen operation (a job that sets
// its own count is unaffected), and the pthreadpool of QNNPACK/XNNPACK (quantized and
// mobile kernels, not used by float CPU models here) is shared. torchthreads.cpp includes
// ATen's Parallel.h alone, so this costs no torch compile time elsewhere.
class TorchThreads
{
public:
    // threads > 0: that many on this thread until destruction; 0: leave the count as is.
    explicit TorchThreads(int threads);
    ~TorchThreads();
    TorchThreads(const TorchThreads &) = delete;
    TorchThreads &operator=(const TorchThreads &) = delete;

    // The count LibTorch uses for operations run on the calling thread.
    static int current();

private:
    int m_previous = 0; // 0: nothing to restore
};

} // namespace exitscope
