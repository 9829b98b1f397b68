import XCTest
import WordVec

final class PrincipalComponentsTests: XCTestCase {
    /// 400 points spread 3 : 1 : 0.1 along three orthogonal (non-axis) directions of R⁵, offset
    /// from the origin, so both the mean and the directions must be found.
    private func plantedCloud() -> (x: DenseMatrix, directions: DenseMatrix) {
        let q = LinalgFixtures.dense(5, 5, seed: 11)
        let basis = try! LAPACK.orthonormalBasis(q).transposed() // rows orthonormal
        var rng = FastRandom(seed: 4)
        let spreads: [Float] = [3, 1, 0.1]
        let offset: [Float] = [5, -2, 0.5, 1, 3]
        var rows: [[Float]] = []
        for _ in 0..<400 {
            var p = offset
            for (c, s) in spreads.enumerated() {
                let t = (rng.nextFloat() * 2 - 1) * s
                for j in 0..<5 { p[j] += t * basis[c, j] }
            }
            rows.append(p)
        }
        return (DenseMatrix(rows: rows), basis.rows(0..<3))
    }

    func testFindsPlantedDirectionsAndMatchesTheSVDOfTheCentredData() throws {
        let (x, directions) = plantedCloud()
        let pca = try PrincipalComponents(fitting: x, components: 3)
        // The planted directions, up to sign.
        for c in 0..<3 {
            let dot = zip(pca.components.row(c), directions.row(c)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            XCTAssertEqual(abs(dot), 1, accuracy: 1e-3, "component \(c)")
        }
        // Against the SVD of the centred matrix: λ = σ² / (m − 1), components = rows of Vᵀ.
        var centred = x
        let mean = pca.mean
        for i in 0..<x.rowCount { for j in 0..<5 { centred[i, j] -= mean[j] } }
        let svd = try LAPACK.svd(centred)
        for c in 0..<3 {
            let lambda = svd.singularValues[c] * svd.singularValues[c] / Float(x.rowCount - 1)
            XCTAssertEqual(pca.variances[c], lambda, accuracy: lambda * 1e-4, "variance \(c)")
            let dot = zip(pca.components.row(c), svd.vt.row(c)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            XCTAssertEqual(abs(dot), 1, accuracy: 1e-4, "direction \(c)")
            let big = pca.components.row(c).max { abs($0) < abs($1) }!
            XCTAssertGreaterThan(big, 0, "sign convention of component \(c)")
        }
        XCTAssertEqual(pca.explainedVarianceRatio.reduce(0, +), 1, accuracy: 1e-3, "3 of 5 directions hold all but noise")
        XCTAssertGreaterThan(pca.explainedVarianceRatio[0], 0.85)
    }

    func testProjectionAndRemovalSplitTheCentredRows() throws {
        let (x, _) = plantedCloud()
        let all = try PrincipalComponents(fitting: x, components: 5)
        XCTAssertEqual(all.explainedVarianceRatio.reduce(0, +), 1, accuracy: 1e-4)
        let residual = all.removingComponents(from: x)
        XCTAssertLessThan(residual.values.map(abs).max()!, 1e-4, "removing every direction leaves nothing")
        let top = try PrincipalComponents(fitting: x, components: 1)
        let coords = top.project(x) // n × 1
        let rest = top.removingComponents(from: x)
        for i in stride(from: 0, to: x.rowCount, by: 37) {
            for j in 0..<5 { // centred row = coordinate · direction + residual
                let rebuilt = coords[i, 0] * top.components[0, j] + rest[i, j] + top.mean[j]
                XCTAssertEqual(rebuilt, x[i, j], accuracy: 1e-4)
            }
        }
        let none = try PrincipalComponents(fitting: x, components: 0)
        XCTAssertEqual(none.project(x).columnCount, 0)
        XCTAssertEqual(none.removingComponents(from: x)[0, 0], x[0, 0] - none.mean[0], accuracy: 1e-6)
    }
}
