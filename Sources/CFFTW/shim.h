// FFTW 3 (double precision) from Debian's libfftw3-dev: t-SNE's FFT-interpolated gradient.
#include <fftw3.h>
