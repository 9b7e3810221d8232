/// "Did you mean …?" for a misspelt code, slug or column name.
public enum Suggestions {
    /// The candidate closest to `word` when it is close enough to be a likely typo, else nil.
    ///
    /// Comparison ignores case and spacing; "close enough" is an edit distance of 1 for words of up
    /// to three letters, else a third of the word's length (at least 2, at most 4).
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String?
    where S.Element == String {
        let key = normalised(word)
        guard !key.isEmpty else { return nil }
        let limit = key.count <= 3 ? 1 : min(4, max(2, key.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(key, normalised(candidate), limit: limit)
            guard distance <= limit else { continue }
            if let current = best,
                current.distance < distance || (current.distance == distance && current.candidate <= candidate)
            {
                continue
            }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// `did you mean "X"?` for the closest candidate, or nil.
    public static func didYouMean<S: Sequence>(_ word: String, in candidates: S) -> String?
    where S.Element == String {
        closest(to: word, in: candidates).map { "did you mean \"\($0)\"?" }
    }

    static func normalised(_ text: String) -> [Character] {
        Array(text.lowercased().filter { !$0.isWhitespace })
    }

    /// Levenshtein distance, stopping early once every path exceeds `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
