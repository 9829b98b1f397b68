import Foundation
import XCTest
import WordVec

/// NaN/Inf during training is caught and reported with a hint instead of written; extreme but
/// valid settings (dim 1, dim 2000, window 1000, a huge learning rate) either work or are
/// refused up front, for each iterative method.
final class NumericalFaultTests: TempDirTestCase {
    private var corpus: String { TestSupport.syntheticCorpus.path }

    /// A learning rate of 10⁶ blows the weights up within the first words: the streaming
    /// trainers stop in epoch 1 of 50 (their running loss is checked every 10,000 words), GloVe
    /// in its first epoch (its cost is checked per bucket); nothing is written.
    func testHugeLearningRateStopsEarlyWithAHint() throws {
        let runs: [(String, [String], String)] = [
            ("sgns", ["--alpha", "1e6"], "lower --alpha"),
            ("cbow", ["--alpha", "1e6"], "lower --alpha"),
            ("fasttext", ["--alpha", "1e6", "--bucket", "10000"], "lower --alpha"),
            ("glove", ["--eta", "1e6"], "lower --eta"),
        ]
        for (method, flags, hint) in runs {
            let out = dir + "/\(method).vec"
            let r = try TestSupport.run(TestSupport.binary, ["train", "--method", method, corpus, "-o", out, "--epochs", "50", "--quiet"] + flags)
            assertOneLineError(r, "diverged")
            XCTAssertTrue(r.stderr.contains("epoch 1 "), "\(method) should stop in its first epoch: \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(hint), "\(method): \(r.stderr)")
            XCTAssertEqual(FaultSupport.files(under: dir), [], "\(method): nothing may be written")
        }
    }

    /// The last line of defence for every dense method (the SVD-based ones included): a matrix
    /// holding NaN is refused with the method's hint before anything is written.
    func testNonFiniteMatricesAreRefusedBeforeWriting() throws {
        let vocabulary = Vocabulary.build([("a", 5), ("b", 4)], minCount: 1, maxSize: 0, corpusTokens: 9)
        var config = PPMISVDConfig()
        config.dim = 2
        for bad in [Float.nan, .infinity] {
            XCTAssertThrowsError(try TrainedModel.dense(word: [1, 2, bad, 4], context: nil, choice: .word, vocabulary: vocabulary, dim: 2,
                                                        epochLosses: [], config: config, divergenceHint: "lower --x")) { error in
                guard case WordVecError.diverged(let message) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(message.contains("NaN or Inf") && message.contains("lower --x"), message)
            }
        }
        let e = try Embeddings(words: ["a", "b"], dim: 2, vectors: [1, .nan, 3, 4])
        XCTAssertThrowsError(try VectorFileWriter.write(e, to: dir + "/x.vec"))
        XCTAssertEqual(FaultSupport.files(under: dir), [])
    }

    /// dim 1, dim 2000 and window 1000 train and write finite vectors of that size for each
    /// iterative method (Random Indexing refuses dim 1 up front: its index vectors need two
    /// non-zeros).
    func testExtremeSettingsWorkOrAreRefusedUpFront() throws {
        let settings: [[String]] = [["--dim", "1"], ["--dim", "2000"], ["--window", "1000"]]
        for method in ["sgns", "cbow", "fasttext", "glove", "random-indexing"] {
            for flags in settings {
                let out = dir + "/out.vec"
                var args = ["train", "--method", method, corpus, "-o", out, "--quiet"] + flags
                if method != "random-indexing" { args += ["--epochs", "1"] }
                if method == "fasttext" { args += ["--bucket", "20000"] }   // 2,000,000 buckets × 2000 dims would be 16 GB
                let r = try TestSupport.run(TestSupport.binary, args)
                if method == "random-indexing" && flags == ["--dim", "1"] {
                    XCTAssertEqual(r.status, 64, r.stderr)
                    XCTAssertTrue(r.stderr.contains("--nonzeros must be from 2 to 1"), r.stderr)
                    continue
                }
                XCTAssertEqual(r.status, 0, "\(method) \(flags): \(r.stderr)")
                let e = try VectorFileReader.readDense(out)
                if flags[0] == "--dim" { XCTAssertEqual(e.dim, Int(flags[1])!, "\(method) \(flags)") }
                XCTAssertGreaterThan(e.count, 100)
                XCTAssertTrue(e.vectors.allSatisfy { $0.isFinite }, "\(method) \(flags)")
                XCTAssertTrue(e.vectors.contains { $0 != 0 }, "\(method) \(flags): all zero")
                try FileManager.default.removeItem(atPath: out)
            }
        }
    }
}
