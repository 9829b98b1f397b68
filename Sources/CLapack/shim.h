// CBLAS and LAPACKE from Debian's OpenBLAS / LAPACKE -dev packages.
#include <cblas.h>
#include <lapacke.h>
