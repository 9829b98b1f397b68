import XCTest
import WordVec

/// Planted Gaussian blobs in 60 dimensions: the maps must keep each blob's points together.
enum Blobs {
    /// `clusters` blobs of `size` points, centres N(0, 1) per dimension, spread `spread` per
    /// dimension; labels are the blob of each row.
    static func make(clusters: Int, size: Int, dim: Int = 60, spread: Float = 0.45, seed: UInt64 = 3) -> (x: DenseMatrix, labels: [Int]) {
        var rng = FastRandom(seed: seed)
        func normal() -> Float {
            let u = max(rng.nextFloat(), 1e-7), v = rng.nextFloat()
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
        let centres = (0..<clusters).map { _ in (0..<dim).map { _ in normal() } }
        var rows: [[Float]] = [], labels: [Int] = []
        for i in 0..<(clusters * size) {
            let c = i % clusters
            rows.append(centres[c].map { $0 + spread * normal() })
            labels.append(c)
        }
        return (DenseMatrix(rows: rows), labels)
    }

    /// Share of points whose nearest map neighbour is in their own blob.
    static func neighbourPurity(_ map: DenseMatrix, _ labels: [Int]) -> Double {
        let n = map.rowCount
        var same = 0
        for i in 0..<n {
            var best = -1, bestD = Float.infinity
            for j in 0..<n where j != i {
                let dx = map[i, 0] - map[j, 0], dy = map[i, 1] - map[j, 1]
                if dx * dx + dy * dy < bestD { bestD = dx * dx + dy * dy; best = j }
            }
            if labels[best] == labels[i] { same += 1 }
        }
        return Double(same) / Double(n)
    }
}

final class ProjectionTests: XCTestCase {
    func testTSNEExactKeepsNeighbourhoods() throws {
        let (x, labels) = Blobs.make(clusters: 6, size: 50)
        var s = ProjectionSettings(method: .tsne, seed: 1, threads: 1)
        s.tsne.gradientMethod = .exact
        let map = try Projection.map(x, settings: s)
        let t = try Trustworthiness.score(original: x, embedded: map, k: 10)
        print("exact t-SNE trustworthiness", t, "purity", Blobs.neighbourPurity(map, labels))
        XCTAssertGreaterThan(t, 0.9)
        XCTAssertGreaterThan(Blobs.neighbourPurity(map, labels), 0.95)
    }

    func testTSNEBarnesHutAndFFTKeepNeighbourhoods() throws {
        let (x, labels) = Blobs.make(clusters: 8, size: 100)
        for method in [TSNEGradientMethod.barnesHut, .fft] {
            var s = ProjectionSettings(method: .tsne, seed: 1, threads: 2)
            s.tsne.gradientMethod = method
            let map = try Projection.map(x, settings: s)
            let t = try Trustworthiness.score(original: x, embedded: map, k: 10, threads: 2)
            print(method, "trustworthiness", t, "purity", Blobs.neighbourPurity(map, labels))
            XCTAssertGreaterThan(t, 0.9, "\(method)")
            XCTAssertGreaterThan(Blobs.neighbourPurity(map, labels), 0.95, "\(method)")
        }
    }

    func testUMAPKeepsNeighbourhoods() throws {
        let (x, labels) = Blobs.make(clusters: 8, size: 100)
        let map = try Projection.map(x, settings: ProjectionSettings(method: .umap, seed: 1, threads: 2))
        let t = try Trustworthiness.score(original: x, embedded: map, k: 10, threads: 2)
        print("UMAP trustworthiness", t, "purity", Blobs.neighbourPurity(map, labels))
        XCTAssertGreaterThan(t, 0.9)
        XCTAssertGreaterThan(Blobs.neighbourPurity(map, labels), 0.95)
    }
}
