/// Stable, unique heading ids: the heading text lowercased, letters and digits kept, other runs
/// turned into `-`; a repeated id gets `-2`, `-3` …
struct HeadingIDs {
    private var used: [String: Int] = [:]

    mutating func id(for text: String) -> String {
        var base = ""
        var dash = false
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                if dash && !base.isEmpty { base.append("-") }
                dash = false
                base.append(ch)
            } else {
                dash = true
            }
        }
        if base.isEmpty { base = "section" }
        if let count = used[base] {
            var n = count + 1
            while used["\(base)-\(n)"] != nil { n += 1 }
            used[base] = n
            let id = "\(base)-\(n)"
            used[id] = 1
            return id
        }
        used[base] = 1
        return base
    }
}
