import CFFTW
import Foundation

/// FFTW buffers and plans for 2-D circular convolutions of four `side × side` node grids with
/// one kernel, each zero-padded to `2·side × 2·side` (so the circular product is the linear
/// one). Plans are made on the calling thread (FFTW's planner is not thread-safe) with
/// FFTW_ESTIMATE; executing them on other arrays (`fftw_execute_dft_r2c`) is thread-safe.
final class FFTPlans: @unchecked Sendable {
    let side: Int
    private let m: Int                 // padded side, 2·side
    private let reals: [UnsafeMutablePointer<Double>]            // 4 grids + the kernel
    private let spectra: [UnsafeMutablePointer<fftw_complex>]    // their transforms
    private let forward: fftw_plan
    private let backward: fftw_plan

    init(side: Int) {
        self.side = side
        m = 2 * side
        let realCount = m * m, complexCount = m * (m / 2 + 1)
        reals = (0..<5).map { _ in fftw_alloc_real(realCount)! }
        spectra = (0..<5).map { _ in fftw_alloc_complex(complexCount)! }
        forward = fftw_plan_dft_r2c_2d(Int32(m), Int32(m), reals[0], spectra[0], UInt32(FFTW_ESTIMATE))
        backward = fftw_plan_dft_c2r_2d(Int32(m), Int32(m), spectra[0], reals[0], UInt32(FFTW_ESTIMATE))
    }

    func destroy() {
        fftw_destroy_plan(forward)
        fftw_destroy_plan(backward)
        for r in reals { fftw_free(r) }
        for s in spectra { fftw_free(s) }
    }

    /// Grid `term`'s padded real array (rows of 2·side).
    func real(_ term: Int) -> UnsafeMutablePointer<Double> { reals[term] }

    func clear(_ term: Int) { reals[term].update(repeating: 0, count: m * m) }

    /// Evaluates K(d) = (1 + ‖d‖²)⁻² at every node offset (spacing apart) in wrap-around order
    /// and transforms it.
    func setKernel(spacing: Double) throws {
        let k = reals[4]
        k.update(repeating: 0, count: m * m)
        for a in 0..<side {
            let da = Double(a) * spacing, ra = (m - a) % m
            for b in 0..<side {
                let db = Double(b) * spacing, rb = (m - b) % m
                let q = 1 / (1 + da * da + db * db)
                let v = q * q
                k[a * m + b] = v; k[ra * m + b] = v; k[a * m + rb] = v; k[ra * m + rb] = v
            }
        }
        fftw_execute_dft_r2c(forward, k, spectra[4])
    }

    /// Replaces grid `term` by its convolution with the kernel (top-left side × side block valid).
    func convolve(_ term: Int) {
        fftw_execute_dft_r2c(forward, reals[term], spectra[term])
        let s = spectra[term], k = spectra[4]
        let scale = 1 / Double(m * m)
        for e in 0..<(m * (m / 2 + 1)) {
            let (ar, ai) = (s[e].0, s[e].1), (br, bi) = (k[e].0, k[e].1)
            s[e] = ((ar * br - ai * bi) * scale, (ar * bi + ai * br) * scale)
        }
        fftw_execute_dft_c2r(backward, spectra[term], reals[term])
    }
}
