// The prefetch helper is a static inline function in include/prefetch.h; this file gives the
// target a compilation unit.
#include "prefetch.h"
