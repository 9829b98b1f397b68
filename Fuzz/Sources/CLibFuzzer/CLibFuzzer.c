// The declaration of libFuzzer's driver entry lives in include/CLibFuzzer.h; libFuzzer itself is linked by -sanitize=fuzzer.
