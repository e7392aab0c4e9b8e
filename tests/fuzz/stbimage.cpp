// stb_image's implementation, compiled with the fuzzer's instrumentation into the image
// folder harness: its definitions take the place of Debian's prebuilt libstb (the same
// headers), so the fuzzer sees coverage inside the PNG and JPEG decoders and the
// sanitizers check them.
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>
