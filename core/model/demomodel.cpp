// Defines and trains the built-in demo's model with LibTorch: keep torch includes here.
#include "core/model/demomodel.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"
#include "core/common/random.h"
#include "core/common/shapetext.h"
#include "core/jobs/torchthreads.h"
#include "core/model/multiexitmodel.h"
#include "core/model/tracecollector.h"

#include <torch/optim/adam.h>
#include <torch/script.h>

#include <chrono>
#include <cmath>
#include <numeric>

namespace exitscope {

namespace {

using torch::jit::Module;

constexpr std::int64_t kClasses = 10;

// The layers, each module's TorchScript source beside its parameters. Stage k maps the
// state to the next; exit k maps stage k's state to logits. Shapes for 1x28x28 inputs:
//   stage 0: conv 3x3 1->16, ReLU, max-pool 2              -> 16x14x14  exit 0: max-pool 2, linear 784->10
//   stage 1: conv 3x3 stride 2 16->32, ReLU                -> 32x7x7    exit 1: linear 1568->10
//   stage 2: conv 3x3 stride 2 32->64, ReLU                -> 64x4x4    exit 2: linear 1024->10
//   stage 3: conv 3x3 stride 2 64->64, ReLU, linear 256->64, ReLU -> 64 exit 3: linear 64->10
// Strided convolutions rather than pooling after stage 0 keep the training within minutes
// on two cores (Debian's LibTorch convolves on the CPU without oneDNN).
const char *const kConvPoolStage = R"(
def forward(self, x: Tensor) -> Tensor:
    return torch.max_pool2d(torch.relu(torch.conv2d(x, self.weight, self.bias, [1, 1], [1, 1])), [2, 2])
)";
const char *const kStridedConvStage = R"(
def forward(self, x: Tensor) -> Tensor:
    return torch.relu(torch.conv2d(x, self.weight, self.bias, [2, 2], [1, 1]))
)";
const char *const kLastStage = R"(
def forward(self, x: Tensor) -> Tensor:
    x = torch.relu(torch.conv2d(x, self.conv_weight, self.conv_bias, [2, 2], [1, 1]))
    return torch.relu(torch.addmm(self.fc_bias, torch.flatten(x, 1), self.fc_weight.t()))
)";
const char *const kPooledLinearExit = R"(
def forward(self, x: Tensor) -> Tensor:
    return torch.addmm(self.bias, torch.flatten(torch.max_pool2d(x, [2, 2]), 1), self.weight.t())
)";
const char *const kLinearExit = R"(
def forward(self, x: Tensor) -> Tensor:
    return torch.addmm(self.bias, torch.flatten(x, 1), self.weight.t())
)";

// He-normal weights (std sqrt(2 / fan-in)) from Exitscope's own generator, so that a seed
// gives the same start on every platform; biases start at 0.
at::Tensor heNormal(const std::vector<std::int64_t> &shape, std::int64_t fanIn, Random &rng)
{
    at::Tensor t = torch::empty(shape, torch::kFloat);
    float *p = t.data_ptr<float>();
    const double scale = std::sqrt(2.0 / static_cast<double>(fanIn));
    for (std::int64_t i = 0; i < t.numel(); ++i)
        p[i] = static_cast<float>(rng.normal() * scale);
    return t;
}

struct Parameter
{
    std::string name;
    at::Tensor value;
};

Module scriptModule(const std::shared_ptr<torch::jit::CompilationUnit> &unit, const std::string &name,
                    const std::vector<Parameter> &parameters, const char *source)
{
    Module module(c10::QualifiedName("__torch__.exitscope.demo." + name), unit, /*shouldMangle=*/true);
    for (const Parameter &p : parameters)
        module.register_parameter(p.name, p.value.set_requires_grad(true), /*is_buffer=*/false);
    module.define(source);
    return module;
}

Module conv(const std::shared_ptr<torch::jit::CompilationUnit> &unit, const std::string &name, std::int64_t in,
            std::int64_t out, const char *source, Random &rng)
{
    return scriptModule(unit, name, {{"weight", heNormal({out, in, 3, 3}, in * 9, rng)}, {"bias", torch::zeros({out})}},
                        source);
}

Module linear(const std::shared_ptr<torch::jit::CompilationUnit> &unit, const std::string &name, std::int64_t in,
              const char *source, Random &rng)
{
    return scriptModule(unit, name, {{"weight", heNormal({kClasses, in}, in, rng)}, {"bias", torch::zeros({kClasses})}},
                        source);
}

// An nn.ModuleList as TorchScript knows it: a module of that class name with members "0", "1", ...
Module moduleList(const std::shared_ptr<torch::jit::CompilationUnit> &unit, const std::vector<Module> &members)
{
    Module list(c10::QualifiedName("__torch__.torch.nn.modules.container.ModuleList"), unit, /*shouldMangle=*/true);
    for (std::size_t i = 0; i < members.size(); ++i)
        list.register_module(std::to_string(i), members[i]);
    return list;
}

struct DemoNetwork
{
    Module top;
    std::vector<Module> stages, exits;
};

DemoNetwork buildNetwork(std::uint64_t seed)
{
    auto unit = std::make_shared<torch::jit::CompilationUnit>();
    Random rng(seed);
    DemoNetwork net{Module(c10::QualifiedName("__torch__.exitscope.demo.FashionMnistExits"), unit, true), {}, {}};
    net.stages = {conv(unit, "Stage0", 1, 16, kConvPoolStage, rng), conv(unit, "Stage1", 16, 32, kStridedConvStage, rng),
                  conv(unit, "Stage2", 32, 64, kStridedConvStage, rng),
                  scriptModule(unit, "Stage3",
                               {{"conv_weight", heNormal({64, 64, 3, 3}, 64 * 9, rng)},
                                {"conv_bias", torch::zeros({64})},
                                {"fc_weight", heNormal({64, 256}, 256, rng)},
                                {"fc_bias", torch::zeros({64})}},
                               kLastStage)};
    net.exits = {linear(unit, "Exit0", 16 * 7 * 7, kPooledLinearExit, rng), linear(unit, "Exit1", 32 * 7 * 7, kLinearExit, rng),
                 linear(unit, "Exit2", 64 * 4 * 4, kLinearExit, rng), linear(unit, "Exit3", 64, kLinearExit, rng)};
    net.top.register_module("stages", moduleList(unit, net.stages));
    net.top.register_module("exits", moduleList(unit, net.exits));
    return net;
}

void requireImages(const Dataset &data)
{
    if (data.sampleShape() != std::vector<std::int64_t>{1, 28, 28})
        throw InputError(data.where(), "the demo model takes 1x28x28 images, these are " + shapeText(data.sampleShape()));
    if (!data.hasLabels() || data.numClasses() != kClasses)
        throw InputError(data.where(), "the demo model needs labels of 10 classes");
}

} // namespace

std::optional<DemoTrainingResult> trainDemoModel(const Dataset &train, const std::vector<std::int64_t> &trainIndices,
                                                 const Dataset &test, const std::string &out,
                                                 const DemoTrainingOptions &options, const JobContext &context)
{
    requireImages(train);
    requireImages(test);
    if (trainIndices.empty())
        throw InputError(train.where(), "no training samples");
    const TorchThreads threads(options.threads);
    DemoNetwork net = buildNetwork(options.seed);
    std::vector<at::Tensor> parameters;
    DemoTrainingResult result;
    for (const at::Tensor &p : net.top.parameters()) {
        parameters.push_back(p);
        result.parameters += p.numel();
    }
    torch::optim::Adam optimizer(parameters, torch::optim::AdamOptions(options.learningRate));

    const auto batchSize = static_cast<std::size_t>(std::max(1, options.batchSize));
    const std::size_t n = trainIndices.size();
    const std::size_t stepsPerEpoch = (n + batchSize - 1) / batchSize;
    const double totalSteps = static_cast<double>(stepsPerEpoch) * std::max(1, options.epochs);
    const JobContext training = context.part(0, 0.9, "training");
    const auto start = std::chrono::steady_clock::now();
    std::size_t step = 0;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        const std::vector<std::int64_t> order = seededPermutation(static_cast<std::int64_t>(n), options.seed + 1 + epoch);
        double lossSum = 0;
        for (std::size_t begin = 0; begin < n; begin += batchSize, ++step) {
            if (context.cancelled())
                return std::nullopt;
            std::vector<std::int64_t> indices;
            for (std::size_t i = begin; i < std::min(n, begin + batchSize); ++i)
                indices.push_back(trainIndices[static_cast<std::size_t>(order[i])]);
            DatasetBatch batch = train.read(indices);
            const at::Tensor x = torch::from_blob(batch.inputs.data(), batch.shape, torch::kFloat);
            const at::Tensor y = torch::from_blob(batch.labels.data(), {static_cast<std::int64_t>(indices.size())}, torch::kLong);
            c10::IValue state = x;
            at::Tensor loss = torch::zeros({});
            for (std::size_t k = 0; k < net.stages.size(); ++k) {
                state = net.stages[k].forward({state});
                const at::Tensor logits = net.exits[k].forward({state}).toTensor();
                loss = loss + torch::nll_loss(torch::log_softmax(logits, 1), y);
            }
            optimizer.zero_grad();
            loss.backward();
            // The learning rate falls linearly to 0 over the whole training.
            const double rate = options.learningRate * (1.0 - static_cast<double>(step) / totalSteps);
            static_cast<torch::optim::AdamOptions &>(optimizer.param_groups()[0].options()).lr(rate);
            optimizer.step();
            lossSum += loss.item<double>() * static_cast<double>(indices.size());
            training.progress.report(static_cast<double>(step + 1) / totalSteps,
                                     "epoch " + std::to_string(epoch + 1) + "/" + std::to_string(options.epochs));
        }
        result.epochLoss.push_back(lossSum / static_cast<double>(n));
    }
    result.trainingSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.trainSamples = static_cast<std::int64_t>(n);

    // The file, loaded back as any user's model would be, judged on the whole test set.
    AtomicFile file(out);
    net.top.save(file.temporaryPath());
    const MultiExitModel model = MultiExitModel::load(file.temporaryPath());
    std::vector<std::int64_t> all(static_cast<std::size_t>(test.size()));
    std::iota(all.begin(), all.end(), std::int64_t{0});
    const std::optional<Trace> trace = collectTrace(model, test, all, TraceCollectionOptions{256, 0, 0}, context.part(0.9, 1, "test"));
    if (!trace)
        return std::nullopt;
    for (int k = 0; k < trace->exits(); ++k)
        result.testAccuracy.push_back(trace->exitAccuracy(k));
    result.testSamples = trace->samples();
    file.commit();
    return result;
}

} // namespace exitscope
