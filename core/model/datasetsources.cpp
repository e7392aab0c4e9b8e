#include "core/model/datasetsources.h"

#include "core/common/inputerror.h"
#include "core/common/shapetext.h"

#include <numeric>

namespace exitscope {

namespace {

// The val spec's own errors say so: the CLI names its flag, the GUI its field.
DatasetSpec parseValSpec(const std::string &spec)
{
    try {
        return parseDatasetSpec(spec);
    } catch (const InputError &e) {
        if (e.where() == "dataset spec")
            throw InputError("val dataset spec", e.detail());
        throw;
    }
}

} // namespace

std::string DatasetSources::testDescription() const
{
    return (separate() ? "all of " : "the test split of ") + testData->where();
}

std::vector<std::string> datasetSourceFiles(const std::string &testSpec, const std::string &valSpec)
{
    std::vector<DatasetSpec> specs{parseDatasetSpec(testSpec)};
    if (!valSpec.empty())
        specs.push_back(parseValSpec(valSpec));
    std::vector<std::string> files;
    for (const DatasetSpec &spec : specs)
        for (const std::string &path : {spec.path, spec.labelsPath})
            if (!path.empty())
                files.push_back(path);
    return files;
}

DatasetSources openDatasetSources(const std::string &testSpec, const std::string &valSpec, SourcesNeeded needed)
{
    const DatasetSpec test = parseDatasetSpec(testSpec);
    DatasetSources sources;
    if (valSpec.empty()) {
        std::shared_ptr<const Dataset> data = openDataset(test);
        const DatasetSplit split
            = splitDatasetAt(data->size(), validationSamples(test.options, data->size(), data->where()), test.options.seed);
        return {data, data, split.val, split.test};
    }
    if (test.options.valGiven)
        throw InputError("dataset spec", "val= splits one dataset in two, but a separate val dataset is given: the test "
                                         "dataset is then used whole (drop val= here, or give it to the val dataset to take "
                                         "a subset of that)");
    const DatasetSpec val = parseValSpec(valSpec);
    sources.testData = openDataset(test);
    sources.test.resize(static_cast<std::size_t>(sources.testData->size()));
    std::iota(sources.test.begin(), sources.test.end(), std::int64_t{0});
    if (needed == SourcesNeeded::TestOnly)
        return sources;
    sources.valData = openDataset(val);
    const Dataset &v = *sources.valData, &t = *sources.testData;
    if (v.sampleShape() != t.sampleShape())
        throw InputError(v.where(), "val samples are " + shapeText(v.sampleShape()) + " but the test samples of " + t.where()
                                        + " are " + shapeText(t.sampleShape()));
    if (v.numClasses() > 0 && t.numClasses() > 0 && v.numClasses() != t.numClasses())
        throw InputError(v.where(), "val dataset has " + std::to_string(v.numClasses()) + " classes but the test dataset "
                                        + t.where() + " has " + std::to_string(t.numClasses()));
    if (v.hasLabels() != t.hasLabels())
        throw InputError(v.where(), std::string("val dataset ") + (v.hasLabels() ? "has" : "lacks") + " labels but the test dataset "
                                        + t.where() + (t.hasLabels() ? " has them" : " lacks them"));
    const std::int64_t valSamples = val.options.valGiven ? validationSamples(val.options, v.size(), v.where()) : v.size();
    sources.val = splitDatasetAt(v.size(), valSamples, val.options.seed).val;
    return sources;
}

} // namespace exitscope
