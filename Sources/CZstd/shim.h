// libzstd streaming decompression (Debian libzstd-dev).
#include <zstd.h>
