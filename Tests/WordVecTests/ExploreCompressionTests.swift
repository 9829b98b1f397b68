import Foundation
import XCTest
import WordVec

/// `convert --center/--abtt/--dims/--quantize`: the post-processing matches numpy on the same
/// file to 1e-4, quantized files read back through every command, and bad files are errors.
final class ExploreCompressionTests: TempDirTestCase {
    func testABTTAndDimsMatchNumpy() throws {
        let vec = dir + "/cloud.vec"
        try VectorFileWriter.write(ExploreFixtures.cloud(n: 200, dim: 12), to: vec)
        let runs = [("abtt", ["--abtt", "2"]), ("dims", ["--dims", "5"]), ("center", ["--center"])]
        for (name, args) in runs {
            let r = try TestSupport.run(TestSupport.binary, ["convert", vec, dir + "/\(name).vec"] + args)
            XCTAssertEqual(r.status, 0, "\(args): " + r.stderr)
        }
        let script = ExploreFixtures.readVec + """
        _, X = read_vec(sys.argv[1])
        C = X - X.mean(0)
        w, V = np.linalg.eigh(C.T @ C / (len(X) - 1))
        V = V[:, np.argsort(w)[::-1]]
        out = {}
        _, Y = read_vec(sys.argv[2] + '/abtt.vec')
        U = V[:, :2]
        out['abtt'] = [float(np.abs(C - C @ U @ U.T - Y).max()), list(Y.shape)]
        _, Y = read_vec(sys.argv[2] + '/dims.vec')
        R = C @ V[:, :5]
        R *= np.sign((R * Y).sum(0))   # a direction's sign is arbitrary: align each with wordvec's
        out['dims'] = [float(np.abs(R - Y).max()), list(Y.shape)]
        _, Y = read_vec(sys.argv[2] + '/center.vec')
        out['center'] = [float(np.abs(C - Y).max()), list(Y.shape)]
        print(json.dumps(out))
        """
        let py = try ExploreFixtures.numpy(script, [vec, dir])
        for (name, shape) in [("abtt", [200, 12]), ("dims", [200, 5]), ("center", [200, 12])] {
            let r = try XCTUnwrap(py[name] as? [Any])
            XCTAssertLessThan(r[0] as! Double, 1e-4, name)
            XCTAssertEqual(r[1] as? [Int], shape, name)
        }
    }

    func testABTTRemovesTheDominantDirection() throws {
        let e = ExploreFixtures.cloud(n: 300, dim: 16)
        let before = try GeometryReport.measure(e, file: "x", options: GeometryOptions())
        let after = try GeometryReport.measure(try PostProcessing.allButTheTop(e, remove: 1), file: "x", options: GeometryOptions())
        XCTAssertGreaterThan(before.anisotropy, 0.2)
        XCTAssertLessThan(abs(after.anisotropy), 0.05)
        XCTAssertLessThan(after.meanVectorNorm, 1e-4)
    }

    func testQuantizedFilesRoundTripThroughEveryReader() throws {
        let e = ExploreFixtures.cloud(n: 100, dim: 13)
        let vec = dir + "/cloud.vec"
        try VectorFileWriter.write(e, to: vec)
        for scheme in ["int8", "binary"] {
            let q = dir + "/cloud.\(scheme)"
            XCTAssertEqual(try TestSupport.wordvec("convert", vec, q, "--quantize", scheme).status, 0)
            let back = try VectorFileReader.readDense(q)
            XCTAssertEqual(back.words, e.words)
            let direct = try QuantizedVectors(quantizing: e, scheme: scheme == "int8" ? .int8 : .binary).dequantized()
            XCTAssertEqual(back.vectors, direct.vectors)
            if scheme == "int8" {
                // Error at most half a step of each dimension's scale.
                for j in 0..<e.dim {
                    let step = (0..<e.count).map { abs(e.vectors[$0 * e.dim + j]) }.max()! / 127
                    for i in 0..<e.count { XCTAssertLessThanOrEqual(abs(back.vectors[i * e.dim + j] - e.vectors[i * e.dim + j]), step / 2 + 1e-6) }
                }
            } else {
                for i in 0..<(e.count * e.dim) { XCTAssertEqual(back.vectors[i] > 0, e.vectors[i] > 0) }
            }
            let size = try FileManager.default.attributesOfItem(atPath: q)[.size] as! Int
            let header = "100 13 \(scheme)\n".utf8.count + 13 * 4 + 1
            let words = e.words.reduce(0) { $0 + $1.utf8.count + 2 }
            XCTAssertEqual(size, header + words + 100 * (scheme == "int8" ? 13 : 2))
            // Written back as floats for other tools.
            XCTAssertEqual(try TestSupport.wordvec("convert", vec, dir + "/f.vec", "--quantize", scheme, "--to", "vec").status, 0)
            XCTAssertEqual(try VectorFileReader.readDense(dir + "/f.vec").vectors, direct.vectors)
            let n = try TestSupport.wordvec("neighbors", q, "w1", "-k", "3")
            XCTAssertEqual(n.status, 0, n.stderr)
        }
    }

    func testDamagedQuantizedFilesAreOneLineErrors() throws {
        let vec = dir + "/cloud.vec"
        try VectorFileWriter.write(ExploreFixtures.cloud(n: 20, dim: 8), to: vec)
        let q = dir + "/c.int8"
        XCTAssertEqual(try TestSupport.wordvec("convert", vec, q, "--quantize", "int8").status, 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: q))
        TestSupport.write(bytes: Array(data.prefix(data.count - 5)), to: dir + "/cut.int8")
        assertOneLineError(try TestSupport.wordvec("neighbors", dir + "/cut.int8", "w1"), "cut.int8: record 20 at byte")
        TestSupport.write(bytes: Array("3 8 int8\n".utf8) + [1, 2], to: dir + "/short.int8")
        assertOneLineError(try TestSupport.wordvec("neighbors", dir + "/short.int8", "w1"), "short.int8:2: truncated")
        assertOneLineError(try TestSupport.wordvec("convert", vec, dir + "/x.vec", "--dims", "9"), "--dims 9: must be 1 to 8")
        assertOneLineError(try TestSupport.wordvec("convert", vec, dir + "/x.vec", "--abtt", "9"), "--abtt 9")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/x.vec"))
    }

    func testCompareShowsSizes() throws {
        let vec = dir + "/cloud.vec"
        try VectorFileWriter.write(ExploreFixtures.cloud(n: 50, dim: 8), to: vec)
        XCTAssertEqual(try TestSupport.wordvec("convert", vec, dir + "/c.int8", "--quantize", "int8").status, 0)
        let r = try TestSupport.wordvec("compare", vec, dir + "/c.int8", "--quiet")
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertTrue(lines[0].hasSuffix("| vocabulary | dim | size |"), String(lines[0]))
        let size = try FileManager.default.attributesOfItem(atPath: dir + "/c.int8")[.size] as! Int
        XCTAssertTrue(lines[3].hasSuffix("| 50 | 8 | \(ComparisonTable.formatBytes(size)) |"), String(lines[3]))
    }
}
