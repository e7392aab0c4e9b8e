#pragma once

// Plain C++ on purpose: no torch headers here (they clash with Qt's `slots` macro and
// cost ~45 s per translation unit). Only multiexitmodel.cpp includes torch.

#include "core/io/torchpickle.h" // FloatTensor: a plain float32 CPU tensor

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace exitscope {

struct ModelSummary;

// How a model exposes its exits (docs/model-contract.md).
enum class ModelLayout {
    Staged,     // `stages` and `exits` ModuleLists of equal length K: runs stage by stage
    Monolithic, // only forward(x) returning a list or tuple of K logit tensors
};

// A multi-exit TorchScript model (saved by torch.jit.script or torch.jit.trace), loaded
// once, run for inference (no autograd, eval mode) on one device. Every error about the
// file or the input is an InputError naming the file. The layout is detected on load.
// Movable, not copyable; share it as std::shared_ptr<const MultiExitModel>.
class MultiExitModel
{
public:
    // An intermediate state of a staged model: the input as stage 0 takes it, or the
    // output of a stage (a tensor or list of tensors, on the model's device). Opaque and
    // cheap to copy (shares the tensors); remembers the stage that made it so that
    // runStage/runExit can refuse states out of order.
    class State
    {
    public:
        State();
        bool isNull() const { return !m_impl; }
        // -1 for the input state, k after runStage(k, ...).
        int stage() const;
        // Samples in the batch (the input's first dimension).
        std::int64_t samples() const;

    private:
        friend class MultiExitModel;
        struct Impl;
        explicit State(std::shared_ptr<const Impl> impl);
        std::shared_ptr<const Impl> m_impl;
    };

    // Loads a TorchScript archive onto `device` ("cpu", "cuda", "cuda:1"). InputError when
    // the file is missing or not TorchScript, the module follows neither layout, or the
    // device is unknown or not available in this LibTorch build.
    static MultiExitModel load(const std::string &path, const std::string &device = "cpu");

    MultiExitModel(MultiExitModel &&other) noexcept;
    MultiExitModel &operator=(MultiExitModel &&other) noexcept;
    ~MultiExitModel();

    const std::string &path() const;
    const std::string &device() const;
    ModelLayout layout() const;
    // K. Staged: the length of the ModuleLists. Monolithic: the arity of forward's tuple
    // return type; when forward returns List[Tensor] the count is only known after the
    // first forwardAll, and 0 before it.
    int exits() const;
    // InputError unless the layout is staged: "<what> needs the staged layout (...)<hint>".
    void requireStaged(const std::string &what, const std::string &hint) const;

    // All K exits' logits for a batch (N x the model's input shape), each N x C, float32 on
    // the CPU. Staged models run stage by stage (exactly as runStage/runExit do);
    // monolithic ones run forward. InputError when the model rejects the input (the shape
    // and the model's message), or returns something that is not K tensors of N x C.
    std::vector<FloatTensor> forwardAll(const FloatTensor &input) const;

    // Staged layout only (InternalError otherwise); per-stage execution for early exit
    // and timing. Usage: s = inputState(x); for k: s = runStage(k, s); runExit(k, s).
    // The input copied to the device and wrapped as stage 0's schema asks (Tensor or [x]).
    State inputState(const FloatTensor &input) const;
    // Stage k on the state of stage k-1 (the input state for k = 0).
    State runStage(int k, const State &state) const;
    // Exit k on the state of stage k: N x C logits copied to the CPU (which waits for the
    // device, so a timer around it sees the work done).
    FloatTensor runExit(int k, const State &state) const;
    // The rows of a state's batch given by `rows` (ascending indices into the batch), for
    // early exit with batches that shrink as samples leave. Every tensor of the state must
    // have the batch as its first dimension (docs/model-contract.md); InputError otherwise.
    State selectSamples(const State &state, const std::vector<std::int64_t> &rows) const;
    // Waits for queued work on the model's device (CUDA runs asynchronously); no-op on CPU.
    void synchronize() const;

private:
    friend ModelSummary summarizeModel(const MultiExitModel &model); // reads the modules
    struct Impl;
    explicit MultiExitModel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// "staged", "monolithic".
std::string_view modelLayoutName(ModelLayout layout);

// What `exitscope-cli info` says about a model, as a value: what the file tells without
// running the model.
struct ModelSummary
{
    std::string file;
    ModelLayout layout = ModelLayout::Staged;
    int exits = 0; // 0: known after a first run (monolithic, List[Tensor] output)
    std::uintmax_t fileBytes = 0;
    std::int64_t parameters = 0; // values of every parameter tensor (weights, biases; not buffers)
    // Staged: the parameters of each stage and each exit head on its own; empty otherwise.
    std::vector<std::int64_t> stageParameters, exitParameters;
    // The out_features of every exit head's last Linear layer when they agree; 0 when not
    // knowable so (a head without a Linear, heads that differ, a monolithic model).
    std::int64_t classes = 0;
    // What the first layer of stage 0 takes, in words ("1 channel (Conv2d)", "32 features
    // (Linear)"); empty when it is not a Conv or a Linear, or the model is monolithic.
    std::string input;

    bool perExitTiming() const { return layout == ModelLayout::Staged; } // and early exit
};
ModelSummary summarizeModel(const MultiExitModel &model);

// The LibTorch this program was built against, e.g. "1.13.1".
std::string libtorchVersion();

} // namespace exitscope
