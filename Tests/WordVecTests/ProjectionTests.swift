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

final class ProjectionPiecesTests: XCTestCase {
    func testKMeansPlusPlusRecoversPlantedBlobs() throws {
        let (x, labels) = Blobs.make(clusters: 5, size: 40)
        let result = try KMeans(k: 5, seed: 7).fit(x)
        // Purity: each cluster's most common blob, summed, over n.
        var purity = 0
        for c in 0..<5 {
            let members = labels.indices.filter { result.assignments[$0] == c }.map { labels[$0] }
            purity += Dictionary(grouping: members, by: { $0 }).values.map(\.count).max() ?? 0
        }
        XCTAssertGreaterThanOrEqual(Double(purity) / Double(labels.count), 0.98)
        XCTAssertEqual(try KMeans(k: 5, seed: 7).fit(x), result, "seeded k-means is reproducible")
        XCTAssertThrowsError(try KMeans(k: 500, seed: 1).fit(x))
    }

    func testNNDescentFindsAlmostAllExactNeighbours() throws {
        let (x, _) = Blobs.make(clusters: 6, size: 250)
        let exact = try NeighborGraph.build(x, k: 10, threads: 2, seed: 1)
        let approximate = try NeighborGraph.build(x, k: 10, threads: 2, seed: 1, exactLimit: 0)
        var hits = 0
        for i in 0..<x.rowCount {
            hits += Set(exact.neighbors(of: i)).intersection(approximate.neighbors(of: i)).count
        }
        XCTAssertGreaterThan(Double(hits) / Double(10 * x.rowCount), 0.95, "NN-descent recall")
        let single = try NeighborGraph.build(x, k: 10, threads: 1, seed: 1, exactLimit: 0)
        XCTAssertEqual(single, approximate, "NN-descent does not depend on the thread count")
        for i in 0..<x.rowCount {
            let d = exact.distances[(i * 10)..<(i * 10 + 10)]
            XCTAssertEqual(Array(d), d.sorted(), "row \(i) ascending")
            XCTAssertFalse(exact.neighbors(of: i).contains(Int32(i)), "a point is not its own neighbour")
        }
    }

    func testUMAPCurveMatchesUmapLearn() {
        // umap-learn's find_ab_params(1.0, 0.1): a = 1.5769, b = 0.8951.
        let curve = UMAPCurve(minDist: 0.1, spread: 1)
        XCTAssertEqual(curve.a, 1.5769, accuracy: 2e-3)
        XCTAssertEqual(curve.b, 0.8951, accuracy: 2e-3)
    }

    func testTrustworthinessOfAFaithfulAndOfAScrambledMap() throws {
        // Points on a plane inside 10 dimensions: the plane itself is a perfect map.
        var rng = FastRandom(seed: 5)
        let n = 200
        var rows: [[Float]] = [], plane: [[Float]] = []
        for _ in 0..<n {
            let a = rng.nextFloat(), b = rng.nextFloat()
            rows.append([a, b] + [Float](repeating: 0, count: 8)); plane.append([a, b])
        }
        let x = DenseMatrix(rows: rows)
        XCTAssertEqual(try Trustworthiness.score(original: x, embedded: DenseMatrix(rows: plane), k: 10), 1, accuracy: 1e-9)
        let scrambled = DenseMatrix(rows: plane.shuffled(using: &rng))
        XCTAssertLessThan(try Trustworthiness.score(original: x, embedded: scrambled, k: 10), 0.7)
        XCTAssertThrowsError(try Trustworthiness.score(original: x, embedded: scrambled, k: 150))
    }

    func testMapsAreReproducibleWithOneThread() throws {
        let (x, _) = Blobs.make(clusters: 4, size: 60)
        for method in ProjectionMethod.allCases {
            var s = ProjectionSettings(method: method, seed: 9, threads: 1)
            s.tsne.gradientMethod = .barnesHut
            let a = try Projection.map(x, settings: s), b = try Projection.map(x, settings: s)
            XCTAssertEqual(a, b, "\(method)")
            XCTAssertEqual(a.rowCount, x.rowCount); XCTAssertEqual(a.columnCount, 2)
        }
        // t-SNE's gradients sum each point in a fixed order: threads do not change the map.
        for method in [TSNEGradientMethod.barnesHut, .fft] {
            var one = ProjectionSettings(method: .tsne, seed: 9, threads: 1)
            one.tsne.gradientMethod = method
            one.tsne.iterations = 60
            one.tsne.earlyExaggerationIterations = 60
            var two = one
            two.threads = 2
            XCTAssertEqual(try Projection.map(x, settings: one), try Projection.map(x, settings: two), "\(method)")
        }
    }

    func testBadSettingsAndInputsAreErrorsNamingTheFlag() {
        let (x, _) = Blobs.make(clusters: 2, size: 10)
        var s = ProjectionSettings(method: .tsne)
        s.tsne.perplexity = 0
        XCTAssertThrowsError(try Projection.map(x, settings: s)) { XCTAssertTrue("\($0)".contains("--perplexity"), "\($0)") }
        s = ProjectionSettings(method: .umap)
        s.umap.minDist = 2
        XCTAssertThrowsError(try Projection.map(x, settings: s)) { XCTAssertTrue("\($0)".contains("--min-dist"), "\($0)") }
        var bad = x
        bad[0, 0] = .nan
        XCTAssertThrowsError(try Projection.map(bad, settings: ProjectionSettings(method: .pca)))
        XCTAssertThrowsError(try Projection.map(x.rows(0..<1), settings: ProjectionSettings(method: .umap)))
    }

    func testTinyMapsClampTheirNeighbourhoods() throws {
        let (x, _) = Blobs.make(clusters: 2, size: 4)    // 8 points: fewer than 3·perplexity and n_neighbors
        for method in ProjectionMethod.allCases {
            let map = try Projection.map(x, settings: ProjectionSettings(method: method))
            XCTAssertTrue(map.values.allSatisfy(\.isFinite), "\(method)")
        }
        var s = ProjectionSettings(method: .tsne)
        s.tsne.gradientMethod = .fft
        s.tsne.iterations = 50
        s.tsne.earlyExaggerationIterations = 50
        XCTAssertTrue(try Projection.map(x, settings: s).values.allSatisfy(\.isFinite))
    }
}
