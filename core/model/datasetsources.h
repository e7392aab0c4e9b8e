#pragma once

#include "core/model/dataset.h"

#include <memory>
#include <string>
#include <vector>

namespace exitscope {

// Where the val and test samples of a trace (and the test samples of a real run) come
// from. Either one dataset split in two by its spec's val= and seed= (the seeded split of
// docs/datasets.md), or two datasets: a val source, of which a seeded subset when its spec
// says val= (a share or a number of samples) and all of it otherwise, and the test source,
// all of which is the test set. The second form is the usual protocol: thresholds tuned on
// held-out training images, reported on the whole test set.
struct DatasetSources
{
    std::shared_ptr<const Dataset> valData, testData; // one object when one dataset is split
    std::vector<std::int64_t> val, test; // sample indices into valData and testData, ascending

    bool separate() const { return valData != testData; }
    // "the test split of D" or "all of D": what the test samples are, in words.
    std::string testDescription() const;
};

// What the caller reads: a real run needs only the test samples (a val spec is then parsed,
// for its errors, but its dataset is not opened: valData is null).
enum class SourcesNeeded { ValAndTest, TestOnly };

// Opens the test spec (and the val spec, when not empty) and picks the samples. InputError
// (where "dataset spec" or "val dataset spec" for the specs themselves) for a bad spec, a
// val= on the test spec beside a val spec (ambiguous), a count above the samples there,
// or two sources whose samples differ in shape or class count.
DatasetSources openDatasetSources(const std::string &testSpec, const std::string &valSpec = {},
                                  SourcesNeeded needed = SourcesNeeded::ValAndTest);

// The files the two specs name (the data, and labels where separate), for the output guard
// of the commands that write beside them; InputError as openDatasetSources for a bad spec.
std::vector<std::string> datasetSourceFiles(const std::string &testSpec, const std::string &valSpec = {});

} // namespace exitscope
