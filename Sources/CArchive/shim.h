// libarchive (Debian libarchive-dev): gzip, bzip2, xz and zstd streams, and zip members.
#include <archive.h>
#include <archive_entry.h>
