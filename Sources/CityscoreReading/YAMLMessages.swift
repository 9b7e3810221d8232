/// libyaml's problems in plain words, each with the fix that most often helps.
enum YAMLMessages {
    /// (libyaml's words, contained in its problem; the plain message; the fix)
    static let known: [(String, String, String)] = [
        (
            "mapping values are not allowed",
            "a value contains a colon followed by a space, which YAML reads as a new key",
            "quote the value: it contains a colon (title: \"Oslo: results\"); or, if this line is a key of its own, "
                + "start it at the same column as the keys above it"
        ),
        (
            "did not find expected key", "this line does not line up with the keys above it, or a quote is not closed",
            "start each key at the same column as the keys around it; put a value with quotes or a colon in quotes"
        ),
        (
            "could not find expected ':'", "a line has no \"key: value\" form (the colon after the key is missing)",
            "write \"key: value\" with a space after the colon, or put a long value in quotes on one line"
        ),
        (
            "cannot start any token", "a value starts with a character YAML keeps for itself (such as @, ` or a tab)",
            "put the value in quotes"
        ),
        (
            "tab character", "a line is indented with a tab", "indent with spaces, not tabs"
        ),
        (
            "found unexpected end of stream", "the file ends inside a quoted value: a closing quote is missing",
            "add the closing quote"
        ),
        (
            "did not find expected ',' or ']'", "a list in [brackets] is not closed, or an item in it holds a comma",
            "close the list with ], and put an item with a comma in quotes"
        ),
        (
            "did not find expected ',' or '}'", "a {braces} value is not closed",
            "close it with }, or put the value in quotes"
        ),
        (
            "block sequence entries are not allowed", "a list item (\"- \") is on the same line as a key or value",
            "put each item on its own line under the key, e.g. peers:\n  - asker"
        ),
        (
            "did not find expected '-' indicator", "a list item does not line up with the items above it",
            "start every \"- \" item of a list at the same column"
        ),
        (
            "found unknown escape character", "a backslash in a \"double-quoted\" value starts an unknown escape",
            "use 'single quotes' instead, or write the backslash twice (\\\\)"
        ),
        (
            "did not find expected node content", "a value is missing where YAML expects one",
            "write a value after the colon, or put the text in quotes"
        ),
        (
            "Maximum nesting level", "values are nested too deeply (lists or brackets inside one another)",
            "write the value as plain text, in quotes"
        ),
        (
            "did not find expected comment or line break", "there is text after a quoted value on the same line",
            "put the whole value in quotes, or start a comment with \" #\""
        ),
    ]

    /// The plain message and fix for libyaml's `problem`; its own words, named as such, when unknown.
    static func plain(_ problem: String) -> (message: String, fix: String?) {
        for (words, message, fix) in known where problem.contains(words) { return (message, fix) }
        return ("the YAML cannot be read (the YAML reader says: \(problem))", "check the line and the one before it")
    }
}
