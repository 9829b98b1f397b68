// xxHash's XXH64 (Debian libxxhash-dev): the checkpoints' checksum.
#include <xxhash.h>
