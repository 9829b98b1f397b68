/// Correlation coefficients for word-similarity evaluation.
public enum RankStatistics {
    /// Ranks 1...n with tied values sharing the average of the ranks they span
    /// ("fractional ranking", what scipy.stats.rankdata's default 'average' method gives).
    public static func ranks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var r = [Double](repeating: 0, count: x.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
            let avg = Double(i + j) / 2 + 1    // ranks i+1 ... j+1 averaged
            for k in i...j { r[order[k]] = avg }
            i = j + 1
        }
        return r
    }

    /// Pearson's r = cov(x, y) / (sd(x) sd(y)); nil with fewer than two points or a constant input.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count)
        let n = Double(x.count)
        guard x.count >= 2 else { return nil }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    }

    /// Spearman's rho: Pearson's r of the average ranks (correct with ties, unlike the
    /// 1 - 6Σd²/(n(n²-1)) shortcut, which assumes distinct ranks).
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        pearson(ranks(x), ranks(y))
    }
}
