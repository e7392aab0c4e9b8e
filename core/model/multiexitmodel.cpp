// The only file of core/ that runs TorchScript models: keep torch includes here.
#include "core/model/multiexitmodel.h"

#include "core/common/atomicfile.h"
#include "core/common/checkedsize.h"
#include "core/common/inputerror.h"
#include "core/common/internalerror.h"
#include "core/common/nametable.h"
#include "core/common/shapetext.h"
#include "core/io/torchvalue.h"

#include <torch/cuda.h>
#include <torch/script.h>
#include <torch/version.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace exitscope {

namespace {

constexpr std::pair<ModelLayout, std::string_view> kLayoutNames[] = {
    {ModelLayout::Staged, "staged"},
    {ModelLayout::Monolithic, "monolithic"},
};

const char *const kLayoutsExpected
    = "expected `stages` and `exits` ModuleLists of equal length, or forward(x) returning a list/tuple of K "
      "logit tensors";

// LibTorch's messages carry C++ backtraces, and TorchScript's a Python-like traceback whose
// useful part (e.g. "RuntimeError: mat1 and mat2 shapes cannot be multiplied") is last.
std::string summarize(const std::exception &error)
{
    const auto *c10Error = dynamic_cast<const c10::Error *>(&error);
    const std::string message = c10Error ? c10Error->what_without_backtrace() : error.what();
    std::vector<std::string> lines;
    std::istringstream in(message);
    for (std::string line; std::getline(in, line);)
        if (line.find_first_not_of(" \t\r") != std::string::npos)
            lines.push_back(line);
    if (lines.empty())
        return "unknown error";
    const bool interpreter = message.find("TorchScript interpreter") != std::string::npos
        || message.find("Traceback of TorchScript") != std::string::npos;
    std::string line = interpreter ? lines.back() : lines.front();
    const std::string prefix = "RuntimeError: ";
    if (line.compare(0, prefix.size(), prefix) == 0)
        line.erase(0, prefix.size());
    return line;
}

// The setting a bad device name is blamed on (the CLI's --device).
const char *const kDeviceSetting = "device";

c10::Device parseDevice(const std::string &name)
{
    const std::string expected = "expected cpu, cuda or cuda:N";
    c10::Device device(c10::kCPU);
    try {
        device = c10::Device(name);
    } catch (const std::exception &) {
        throw InputError(kDeviceSetting, "unknown device \"" + name + "\", " + expected);
    }
    if (!device.is_cpu() && !device.is_cuda())
        throw InputError(kDeviceSetting, "unsupported device \"" + name + "\", " + expected);
    if (device.is_cuda()) {
        if (!torch::cuda::is_available())
            throw InputError(kDeviceSetting, "device \"" + name
                                     + "\" requested, but CUDA is not available (a CPU-only LibTorch, or no GPU "
                                       "visible); use \"cpu\"");
        if (device.has_index() && static_cast<std::size_t>(device.index()) >= torch::cuda::device_count())
            throw InputError(kDeviceSetting, "device \"" + name + "\" requested, but only "
                                     + std::to_string(torch::cuda::device_count()) + " CUDA device(s) are visible");
    }
    return device;
}

// "forward(List[Tensor] state) -> Tensor", in the types' Python spelling, without self.
std::string signature(const c10::FunctionSchema &schema)
{
    std::string text = schema.name() + "(";
    const auto &arguments = schema.arguments();
    for (std::size_t i = 1; i < arguments.size(); ++i)
        text += (i > 1 ? ", " : "") + arguments[i].type()->annotation_str() + " " + arguments[i].name();
    text += ") -> ";
    const auto &returns = schema.returns();
    if (returns.size() == 1)
        return text + returns[0].type()->annotation_str();
    text += "(";
    for (std::size_t i = 0; i < returns.size(); ++i)
        text += (i ? ", " : "") + returns[i].type()->annotation_str();
    return text + ")";
}

// The one argument (after self) of a module's forward; "" when it has none or several.
c10::TypePtr soleArgument(const c10::FunctionSchema &schema)
{
    const auto &arguments = schema.arguments();
    int required = 0;
    for (std::size_t i = 1; i < arguments.size(); ++i)
        required += arguments[i].default_value() ? 0 : 1;
    return arguments.size() >= 2 && required == 1 && !arguments[1].default_value() ? arguments[1].type() : nullptr;
}

bool isTensorList(const c10::TypePtr &type)
{
    const auto list = type->cast<c10::ListType>();
    return list && list->getElementType()->kind() == c10::TypeKind::TensorType;
}

// The modules of a ModuleList child named `name`, in index order; throws when the child
// is absent or not a ModuleList.
std::vector<torch::jit::Module> moduleList(const torch::jit::Module &module, const std::string &name,
                                           const std::string &path)
{
    for (const auto &child : module.named_children()) {
        if (child.name != name)
            continue;
        const auto typeName = child.value.type()->name();
        if (!typeName || typeName->name() != "ModuleList")
            throw InputError(path, "`" + name + "` is a " + (typeName ? typeName->name() : std::string("module"))
                                       + ", expected an nn.ModuleList (" + kLayoutsExpected + ")");
        std::vector<torch::jit::Module> items;
        for (const auto &item : child.value.named_children()) {
            if (item.name != std::to_string(items.size()))
                throw InputError(path, "`" + name + "` has a member named \"" + item.name + "\", expected \""
                                           + std::to_string(items.size()) + "\"");
            items.push_back(item.value);
        }
        return items;
    }
    const std::string missing = name == "stages" ? "`exits` but no `stages`" : "`stages` but no `exits`";
    throw InputError(path, "has " + missing + " ModuleList (" + kLayoutsExpected + ")");
}

const c10::FunctionSchema &forwardSchema(const torch::jit::Module &module, const std::string &where,
                                         const std::string &path)
{
    const auto method = module.find_method("forward");
    if (!method)
        throw InputError(path, where + " has no forward method");
    return method->function().getSchema();
}

} // namespace

struct MultiExitModel::State::Impl
{
    c10::IValue value;
    int stage = -1;
    std::vector<std::int64_t> inputShape; // for error messages; [0] is the batch size
};

struct MultiExitModel::Impl
{
    std::string path;
    std::string deviceName;
    c10::Device device{c10::kCPU};
    torch::jit::Module module;
    ModelLayout layout = ModelLayout::Monolithic;
    std::vector<torch::jit::Module> stages; // staged only
    std::vector<torch::jit::Module> exits;  // staged only
    bool stageTakesList = false;            // stage 0 wants [x] rather than x
    // Monolithic models returning List[Tensor] learn K on their first forward.
    mutable std::atomic<int> exitCount{0};

    void detectStaged();
    void detectMonolithic();
    at::Tensor toDevice(const FloatTensor &input) const;
    FloatTensor logits(const c10::IValue &value, const std::string &what, std::int64_t samples) const;
    [[noreturn]] void rejected(const std::string &who, const std::vector<std::int64_t> &inputShape,
                               const std::exception &error) const;
};

void MultiExitModel::Impl::detectStaged()
{
    stages = moduleList(module, "stages", path);
    exits = moduleList(module, "exits", path);
    if (stages.size() != exits.size())
        throw InputError(path, "`stages` has " + std::to_string(stages.size()) + " modules but `exits` has "
                                   + std::to_string(exits.size()) + ", expected equal lengths (one exit per stage)");
    if (stages.empty())
        throw InputError(path, "`stages` and `exits` are empty, expected at least one stage and exit");
    // The types must chain: x -> stage 0 -> stage 1 ...; exit k takes stage k's output.
    c10::TypePtr state;
    for (std::size_t k = 0; k < stages.size(); ++k) {
        const std::string stageName = "stages[" + std::to_string(k) + "]";
        const std::string exitName = "exits[" + std::to_string(k) + "]";
        const auto &stageSchema = forwardSchema(stages[k], stageName, path);
        const c10::TypePtr argument = soleArgument(stageSchema);
        if (!argument)
            throw InputError(path, stageName + ".forward must take one argument (the state), found "
                                       + signature(stageSchema));
        if (k == 0) {
            if (argument->kind() != c10::TypeKind::TensorType && !isTensorList(argument))
                throw InputError(path, stageName + ".forward takes " + argument->annotation_str()
                                           + ", expected Tensor or List[Tensor] (the input x or [x])");
            stageTakesList = isTensorList(argument);
        } else if (!state->isSubtypeOf(*argument)) {
            throw InputError(path, stageName + ".forward takes " + argument->annotation_str() + " but stages["
                                       + std::to_string(k - 1) + "] returns " + state->annotation_str());
        }
        if (stageSchema.returns().size() != 1)
            throw InputError(path, stageName + ".forward must return one value (the next state)");
        state = stageSchema.returns()[0].type();

        const auto &exitSchema = forwardSchema(exits[k], exitName, path);
        const c10::TypePtr exitArgument = soleArgument(exitSchema);
        if (!exitArgument || !state->isSubtypeOf(*exitArgument))
            throw InputError(path, exitName + ".forward must take the state " + state->annotation_str() + " that "
                                       + stageName + " returns, found " + signature(exitSchema));
        if (exitSchema.returns().size() != 1 || exitSchema.returns()[0].type()->kind() != c10::TypeKind::TensorType)
            throw InputError(path, exitName + ".forward must return a Tensor (logits N x C), found "
                                       + signature(exitSchema));
    }
    layout = ModelLayout::Staged;
    exitCount = static_cast<int>(stages.size());
}

void MultiExitModel::Impl::detectMonolithic()
{
    const auto method = module.find_method("forward");
    if (!method)
        throw InputError(path, std::string("no forward method and no `stages`/`exits`; ") + kLayoutsExpected);
    const auto &schema = method->function().getSchema();
    const auto found = [&] { return std::string("; found ") + signature(schema); };
    if (!soleArgument(schema) || soleArgument(schema)->kind() != c10::TypeKind::TensorType)
        throw InputError(path, std::string("forward must take one Tensor x (or the module needs `stages`/`exits`); ")
                                   + kLayoutsExpected + found());
    const c10::TypePtr result = schema.returns().size() == 1 ? schema.returns()[0].type() : nullptr;
    if (result && isTensorList(result)) {
        exitCount = 0; // known after the first forward
    } else if (const auto tuple = result ? result->cast<c10::TupleType>() : nullptr) {
        for (const auto &element : tuple->elements())
            if (element->kind() != c10::TypeKind::TensorType)
                throw InputError(path, std::string("forward returns a tuple holding a non-tensor; ") + kLayoutsExpected
                                           + found());
        if (tuple->elements().empty())
            throw InputError(path, std::string("forward returns an empty tuple; ") + kLayoutsExpected);
        exitCount = static_cast<int>(tuple->elements().size());
    } else {
        throw InputError(path, kLayoutsExpected + found());
    }
    layout = ModelLayout::Monolithic;
}

at::Tensor MultiExitModel::Impl::toDevice(const FloatTensor &input) const
{
    const std::int64_t count = checkedElementCount(input.shape, "input");
    if (input.shape.empty())
        throw InputError("input", "a scalar, expected a batch (N x ...)");
    if (static_cast<std::size_t>(count) != input.values.size())
        throw InputError("input", "shape " + shapeText(input.shape) + " holds " + std::to_string(count)
                                      + " values, found " + std::to_string(input.values.size()));
    // from_blob does not copy: the copy to the device (or a CPU clone) owns the data.
    const at::Tensor view = torch::from_blob(const_cast<float *>(input.values.data()), input.shape, torch::kFloat);
    return view.to(device, torch::kFloat, /*non_blocking=*/false, /*copy=*/true);
}

FloatTensor MultiExitModel::Impl::logits(const c10::IValue &value, const std::string &what, std::int64_t samples) const
{
    if (!value.isTensor())
        throw InputError(path, what + " returned " + value.tagKind() + ", expected a Tensor of logits (N x C)");
    const at::Tensor &tensor = value.toTensor();
    if (tensor.dim() != 2 || tensor.size(0) != samples)
        throw InputError(path, what + " returned logits of shape " + shapeText(tensor.sizes().vec()) + ", expected ("
                                   + std::to_string(samples) + ", C)");
    if (!tensor.is_floating_point())
        throw InputError(path, what + " returned " + std::string(tensor.dtype().name())
                                   + " logits, expected floating point");
    return toFloatTensor(tensor);
}

// The model raising on an input is almost always a shape mismatch: say which input.
void MultiExitModel::Impl::rejected(const std::string &who, const std::vector<std::int64_t> &inputShape,
                                    const std::exception &error) const
{
    throw InputError(path, who + " failed on the input of shape " + shapeText(inputShape) + ": " + summarize(error));
}

MultiExitModel::State::State() = default;

MultiExitModel::State::State(std::shared_ptr<const Impl> impl)
    : m_impl(std::move(impl))
{
}

int MultiExitModel::State::stage() const
{
    return m_impl ? m_impl->stage : -1;
}

std::int64_t MultiExitModel::State::samples() const
{
    return m_impl ? m_impl->inputShape.front() : 0;
}

MultiExitModel::MultiExitModel(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}

MultiExitModel::MultiExitModel(MultiExitModel &&other) noexcept = default;
MultiExitModel &MultiExitModel::operator=(MultiExitModel &&other) noexcept = default;
MultiExitModel::~MultiExitModel() = default;

MultiExitModel MultiExitModel::load(const std::string &path, const std::string &device)
{
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->deviceName = device;
    impl->device = parseDevice(device);
    refuseFolderInput(path);
    if (!std::ifstream(path, std::ios::binary))
        throw InputError(path, "cannot open file (missing or unreadable)");
    try {
        impl->module = torch::jit::load(path, impl->device);
        impl->module.eval();
    } catch (const std::exception &e) {
        const std::string reason = summarize(e);
        // A zip without constants.pkl: what torch.save writes (tensors or a pickled Python
        // module, no TorchScript code).
        if (reason.find("constants.pkl") != std::string::npos)
            throw InputError(path, "not a TorchScript model: a torch.save file (data, no TorchScript code); expected "
                                   "an archive written by torch.jit.save or ScriptModule.save");
        throw InputError(path, "not a TorchScript model (expected an archive written by torch.jit.save or "
                               "ScriptModule.save): " + reason);
    }
    const bool hasStages = impl->module.hasattr("stages");
    const bool hasExits = impl->module.hasattr("exits");
    if (hasStages || hasExits)
        impl->detectStaged();
    else
        impl->detectMonolithic();
    return MultiExitModel(std::move(impl));
}

const std::string &MultiExitModel::path() const
{
    return m_impl->path;
}

const std::string &MultiExitModel::device() const
{
    return m_impl->deviceName;
}

ModelLayout MultiExitModel::layout() const
{
    return m_impl->layout;
}

int MultiExitModel::exits() const
{
    return m_impl->exitCount;
}

void MultiExitModel::requireStaged(const std::string &what, const std::string &hint) const
{
    if (m_impl->layout != ModelLayout::Staged)
        throw InputError(m_impl->path, what + " needs the staged layout (`stages` and `exits` ModuleLists, "
                                              "docs/model-contract.md)" + hint);
}

std::vector<FloatTensor> MultiExitModel::forwardAll(const FloatTensor &input) const
{
    std::vector<FloatTensor> out;
    if (m_impl->layout == ModelLayout::Staged) {
        State state = inputState(input);
        for (int k = 0; k < exits(); ++k) {
            state = runStage(k, state);
            out.push_back(runExit(k, state));
        }
        return out;
    }
    const c10::InferenceMode inference;
    const at::Tensor x = m_impl->toDevice(input);
    c10::IValue result;
    try {
        result = m_impl->module.forward({x});
    } catch (const std::exception &e) {
        m_impl->rejected("forward", input.shape, e);
    }
    const std::optional<std::vector<c10::IValue>> sequence = sequenceItems(result);
    if (!sequence)
        throw InputError(m_impl->path, "forward returned " + result.tagKind() + ", expected a list or tuple of logits");
    const std::vector<c10::IValue> &items = *sequence;
    if (items.empty())
        throw InputError(m_impl->path, "forward returned no logits, expected K >= 1 tensors");
    int expected = 0;
    if (!m_impl->exitCount.compare_exchange_strong(expected, static_cast<int>(items.size()))
        && expected != static_cast<int>(items.size()))
        throw InputError(m_impl->path, "forward returned " + std::to_string(items.size()) + " logit tensors, earlier "
                                           + std::to_string(expected));
    for (std::size_t k = 0; k < items.size(); ++k)
        out.push_back(m_impl->logits(items[k], "forward's output " + std::to_string(k), x.size(0)));
    return out;
}

MultiExitModel::State MultiExitModel::inputState(const FloatTensor &input) const
{
    if (m_impl->layout != ModelLayout::Staged)
        throw InternalError("MultiExitModel::inputState: the model is not staged");
    const c10::InferenceMode inference;
    const at::Tensor x = m_impl->toDevice(input);
    auto state = std::make_shared<State::Impl>();
    state->inputShape = input.shape;
    state->value = m_impl->stageTakesList ? c10::IValue(c10::List<at::Tensor>({x})) : c10::IValue(x);
    return State(std::move(state));
}

MultiExitModel::State MultiExitModel::runStage(int k, const State &state) const
{
    if (m_impl->layout != ModelLayout::Staged || k < 0 || k >= exits() || state.stage() != k - 1 || state.isNull())
        throw InternalError("MultiExitModel::runStage(" + std::to_string(k)
                               + "): needs a staged model and the state of stage " + std::to_string(k - 1)
                               + ", got that of stage " + std::to_string(state.stage()));
    const c10::InferenceMode inference;
    auto next = std::make_shared<State::Impl>();
    next->stage = k;
    next->inputShape = state.m_impl->inputShape;
    try {
        next->value = m_impl->stages[static_cast<std::size_t>(k)].forward({state.m_impl->value});
    } catch (const std::exception &e) {
        m_impl->rejected("stages[" + std::to_string(k) + "]", state.m_impl->inputShape, e);
    }
    return State(std::move(next));
}

FloatTensor MultiExitModel::runExit(int k, const State &state) const
{
    if (m_impl->layout != ModelLayout::Staged || k < 0 || k >= exits() || state.stage() != k || state.isNull())
        throw InternalError("MultiExitModel::runExit(" + std::to_string(k)
                               + "): needs a staged model and the state of stage " + std::to_string(k)
                               + ", got that of stage " + std::to_string(state.stage()));
    const c10::InferenceMode inference;
    const std::string name = "exits[" + std::to_string(k) + "]";
    c10::IValue result;
    try {
        result = m_impl->exits[static_cast<std::size_t>(k)].forward({state.m_impl->value});
    } catch (const std::exception &e) {
        m_impl->rejected(name, state.m_impl->inputShape, e);
    }
    return m_impl->logits(result, name, state.samples());
}

MultiExitModel::State MultiExitModel::selectSamples(const State &state, const std::vector<std::int64_t> &rows) const
{
    if (state.isNull())
        throw InternalError("MultiExitModel::selectSamples: null state");
    const c10::InferenceMode inference;
    const std::int64_t batch = state.samples();
    const at::Tensor index = torch::tensor(rows, torch::kLong).to(m_impl->device);
    const auto select = [&](const at::Tensor &t) {
        if (t.dim() == 0 || t.size(0) != batch)
            throw InputError(m_impl->path, "the state after stages[" + std::to_string(state.stage()) + "] has a tensor of shape "
                                               + shapeText(t.sizes().vec()) + " whose first dimension is not the batch ("
                                               + std::to_string(batch) + "); shrinking batches need the batch first in "
                                               "every state tensor (run with batch size 1)");
        return t.index_select(0, index);
    };
    auto next = std::make_shared<State::Impl>(*state.m_impl);
    next->inputShape[0] = static_cast<std::int64_t>(rows.size());
    const c10::IValue &value = state.m_impl->value;
    if (value.isTensor()) {
        next->value = select(value.toTensor());
    } else {
        c10::List<at::Tensor> selected;
        for (const at::Tensor &t : value.toTensorList())
            selected.push_back(select(t));
        next->value = selected;
    }
    return State(std::move(next));
}

void MultiExitModel::synchronize() const
{
    if (m_impl->device.is_cuda())
        torch::cuda::synchronize(m_impl->device.has_index() ? m_impl->device.index() : -1);
}

std::string_view modelLayoutName(ModelLayout layout)
{
    return nameIn(kLayoutNames, layout);
}

namespace {

std::int64_t parameterCount(const torch::jit::Module &module)
{
    std::int64_t count = 0;
    for (const at::Tensor &p : module.parameters())
        count += p.numel();
    return count;
}

// The module's type name without its TorchScript qualification and mangling:
// "__torch__.torch.nn.modules.linear.___torch_mangle_3.Linear" -> "Linear".
std::string typeName(const torch::jit::Module &module)
{
    const auto name = module.type()->name();
    return name ? name->name() : std::string();
}

// The weight of a Linear or Conv module, or an undefined tensor.
at::Tensor layerWeight(const torch::jit::Module &module)
{
    if (!module.hasattr("weight"))
        return {};
    const c10::IValue weight = module.attr("weight");
    return weight.isTensor() ? weight.toTensor() : at::Tensor();
}

// out_features of the last Linear layer of a head (in registration order); 0 when none.
std::int64_t lastLinearOutputs(const torch::jit::Module &head)
{
    std::int64_t outputs = 0;
    for (const auto &item : head.named_modules()) {
        const at::Tensor weight = typeName(item.value) == "Linear" ? layerWeight(item.value) : at::Tensor();
        if (weight.defined() && weight.dim() == 2)
            outputs = weight.size(0);
    }
    return outputs;
}

// What the first Conv or Linear layer of stage 0 takes, in words; empty when neither comes first.
std::string firstLayerInput(const torch::jit::Module &stage)
{
    for (const auto &item : stage.named_modules()) {
        const std::string type = typeName(item.value);
        const at::Tensor weight = layerWeight(item.value);
        if (!weight.defined())
            continue;
        if (type == "Linear" && weight.dim() == 2)
            return std::to_string(weight.size(1)) + " features (Linear)";
        if ((type == "Conv1d" || type == "Conv2d" || type == "Conv3d") && weight.dim() >= 3) {
            const c10::IValue groups = item.value.hasattr("groups") ? item.value.attr("groups") : c10::IValue();
            const std::int64_t channels = weight.size(1) * (groups.isInt() ? groups.toInt() : 1);
            return std::to_string(channels) + (channels == 1 ? " channel (" : " channels (") + type + ")";
        }
        return {}; // some other layer with weights comes first
    }
    return {};
}

} // namespace

ModelSummary summarizeModel(const MultiExitModel &model)
{
    const MultiExitModel::Impl &m = *model.m_impl;
    ModelSummary s;
    s.file = model.path();
    s.layout = model.layout();
    s.exits = model.exits();
    std::error_code error;
    const std::uintmax_t bytes = std::filesystem::file_size(m.path, error);
    s.fileBytes = error ? 0 : bytes;
    s.parameters = parameterCount(m.module);
    if (m.layout != ModelLayout::Staged)
        return s;
    for (std::size_t k = 0; k < m.stages.size(); ++k) {
        s.stageParameters.push_back(parameterCount(m.stages[k]));
        s.exitParameters.push_back(parameterCount(m.exits[k]));
    }
    // Known when every head ends with a Linear of the same width.
    s.classes = lastLinearOutputs(m.exits.front());
    for (const torch::jit::Module &head : m.exits)
        if (lastLinearOutputs(head) != s.classes)
            s.classes = 0;
    s.input = firstLayerInput(m.stages.front());
    return s;
}

std::string libtorchVersion()
{
    return TORCH_VERSION;
}

} // namespace exitscope
