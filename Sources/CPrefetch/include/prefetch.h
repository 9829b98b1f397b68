#ifndef WORDVEC_PREFETCH_H
#define WORDVEC_PREFETCH_H
// Swift has no prefetch intrinsic; training loops know which matrix rows come next
// (the next centre word, the word entering the window, pre-drawn negatives) and ask for them early.
static inline void wordvec_prefetch(const void *p) { __builtin_prefetch(p, 1, 3); }
#endif
