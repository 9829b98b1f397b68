import Foundation
import XCTest
import WordVec

/// The Swift side of bench/svd.py: skipped unless WORDVEC_SVD_BENCH names a folder holding a
/// CSR matrix written by that script (shape.txt, indptr.i64, indices.i32, data.f32). Writes
/// swift.json there: seconds for TruncatedSVD.decompose, one A·X and one Aᵀ·X, the dense LAPACK
/// steps on an m × ℓ matrix, the peak RSS and the singular values (WORDVEC_SVD_PRODUCTS_ONLY
/// skips the decomposition). Options from the environment: WORDVEC_SVD_RANK (300), _OVERSAMPLING (10),
/// _ITERATIONS (5), _THREADS (2), _SEED (1), _NORMALIZER (lu).
final class LinalgBenchmarkTests: XCTestCase {
    func testTruncatedSVDBenchmark() throws {
        let env = ProcessInfo.processInfo.environment
        guard let dir = env["WORDVEC_SVD_BENCH"] else { throw XCTSkip("set WORDVEC_SVD_BENCH (bench/svd.py does)") }
        func option(_ name: String, _ fallback: Int) -> Int { Int(env["WORDVEC_SVD_\(name)"] ?? "") ?? fallback }
        func load<T>(_ file: String, as: T.Type) throws -> [T] {
            let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + file))
            return data.withUnsafeBytes { Array($0.bindMemory(to: T.self)) }
        }
        let shape = try String(contentsOfFile: dir + "/shape.txt", encoding: .utf8).split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let a = SparseMatrix(rowCount: shape[0], columnCount: shape[1], rowStarts: try load("indptr.i64", as: Int64.self).map { Int($0) },
                             columns: try load("indices.i32", as: Int32.self), values: try load("data.f32", as: Float.self))
        let threads = option("THREADS", 2)
        let svd = TruncatedSVD(rank: option("RANK", 300), oversampling: option("OVERSAMPLING", 10),
                               powerIterations: option("ITERATIONS", 5),
                               normalizer: TruncatedSVD.Normalizer(rawValue: env["WORDVEC_SVD_NORMALIZER"] ?? "lu") ?? .lu,
                               seed: UInt64(option("SEED", 1)), threads: threads)
        func seconds(_ body: () throws -> Void) rethrows -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        var factors: SVDFactors?
        let total = env["WORDVEC_SVD_PRODUCTS_ONLY"] != nil ? 0 : try seconds { factors = try svd.decompose(a) }
        let l = svd.rank + svd.oversampling
        let x = DenseMatrix(rowCount: a.columnCount, columnCount: l, values: [Float](repeating: 0.5, count: a.columnCount * l))
        let y = DenseMatrix(rowCount: a.rowCount, columnCount: l, values: [Float](repeating: 0.5, count: a.rowCount * l))
        let product = seconds { _ = a.multiply(dense: x, threads: threads) }
        let transposedProduct = seconds { _ = a.transposedMultiply(dense: y, threads: threads) }
        let transpose = seconds { _ = a.transposed() }
        // The dense steps of one run, on an m × ℓ matrix: LU normalisation, QR, the small SVD.
        var lu = 0.0, qr = 0.0, smallSVD = 0.0
        do {
            let z = LinalgBenchmarkTests.noise(a.rowCount, l)
            lu = try seconds { _ = try LAPACK.permutedLowerFactor(z) }
            qr = try seconds { _ = try LAPACK.orthonormalBasis(z) }
            smallSVD = try seconds { _ = try LAPACK.svd(z) }
        }
        // Peak resident memory of this process (the loaded matrix included), from /proc.
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let hwm = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        let peakMiB = (hwm.flatMap { Double($0.split(separator: " ").dropFirst().first ?? "") } ?? 0) / 1024
        let result: [String: Any] = [
            "peak_rss_mib": peakMiB,
            "seconds": total, "multiply_seconds": product, "transposed_multiply_seconds": transposedProduct,
            "transpose_seconds": transpose, "lu_seconds": lu, "qr_seconds": qr, "small_svd_seconds": smallSVD, "threads": threads, "nnz": a.nonzeroCount,
            "singular_values": (factors?.singularValues ?? []).map { Double($0) },
        ]
        let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        try json.write(to: URL(fileURLWithPath: dir + "/swift.json"))
    }

    static func noise(_ m: Int, _ n: Int) -> DenseMatrix {
        var rng = FastRandom(seed: 1)
        return DenseMatrix(rowCount: m, columnCount: n, values: (0..<(m * n)).map { _ in rng.nextFloat() - 0.5 })
    }
}
