import Mustache
import CityscoreTemplating
import Testing

/// The theme's template engine: Mustache's rules (escaping, sections, standalone lines, partials,
/// delimiters), its errors, and agreement with swift-mustache on the same templates and values.
@Suite("Templates")
struct TemplatingTests {
    func render(_ text: String, _ context: TemplateValue, partials: [String: String] = [:]) -> String? {
        let (library, errors) = TemplateLibrary.compile(
            [("main", text)] + partials.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        #expect(errors == [], "\(errors)")
        return try? library.render("main", context: context)
    }

    func error(_ text: String, partials: [String: String] = [:]) -> TemplateError? {
        TemplateLibrary.compile([("main", text)] + partials.map { ($0.key, $0.value) }).1.first
    }

    @Test func escapesTextUnlessTripleOrAmpersand() {
        let context: TemplateValue = ["x": "<a href=\"q\">Tom & Jerry's</a>"]
        #expect(render("{{x}}", context) == "&lt;a href=&quot;q&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(render("{{{x}}}|{{& x}}", context) == "<a href=\"q\">Tom & Jerry's</a>|<a href=\"q\">Tom & Jerry's</a>")
        #expect(render("[{{missing}}]", context) == "[]")
        #expect(render("{{flag}}", ["flag": true]) == "true")
    }

    @Test func dottedNamesDoNotFallBackWhenTheChainBreaks() {
        let context: TemplateValue = ["a": ["b": ["c": "deep"]], "c": "outer"]
        #expect(render("{{a.b.c}}", context) == "deep")
        #expect(render("[{{a.x.c}}]", context) == "[]")
        #expect(render("{{#a}}{{#b}}{{c}}{{/b}}{{/a}}", context) == "deep")
        #expect(render("{{#a}}{{#x}}never{{/x}}{{c}}{{/a}}", context) == "outer")
    }

    @Test func sectionsRepeatEnterAndTest() {
        let context: TemplateValue = [
            "list": [["n": "1"], ["n": "2"], ["n": "3"]], "yes": true, "no": false, "empty": [],
            "text": "", "object": ["n": "inside"], "n": "outside", "words": ["a", "b"],
        ]
        #expect(render("{{#list}}{{n}},{{/list}}", context) == "1,2,3,")
        #expect(render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}", context) == "Yn")
        #expect(render("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", context) == "none")
        #expect(render("{{#object}}{{n}}{{/object}} {{n}}", context) == "inside outside")
        #expect(render("{{#text}}a text, even empty, is shown{{/text}}", context) == "a text, even empty, is shown")
        #expect(render("{{^missing}}absent{{/missing}}", context) == "absent")
        #expect(render("{{#words}}<{{.}}>{{/words}}", context) == "<a><b>")
    }

    @Test func functionsOfValuesAndOfListPositions() {
        let context: TemplateValue = ["words": ["a", "b", "c"], "none": [], "name": "Oslo"]
        #expect(render("{{#words}}{{.}}{{^last()}}, {{/last()}}{{/words}}", context) == "a, b, c")
        #expect(render("{{#words}}{{index()}}{{#first()}}!{{/first()}}{{/words}}", context) == "0!12")
        #expect(render("{{^empty(none)}}x{{/empty(none)}}{{#empty(none)}}empty{{/empty(none)}}", context) == "empty")
        #expect(
            render("{{count(words)}} {{first(words)}} {{last(words)}} {{uppercased(name)}}", context) == "3 a c OSLO")
        #expect(render("{{#reversed(words)}}{{.}}{{/reversed(words)}}", context) == "cba")
    }

    @Test func standaloneLinesLeaveNoBlankLines() {
        let context: TemplateValue = ["list": ["a", "b"]]
        let text = "<ul>\n  {{#list}}\n  <li>{{.}}</li>\n  {{/list}}\n  {{! a comment }}\n</ul>\n"
        #expect(render(text, context) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(render("a\r\n{{#list}}\r\nx\r\n{{/list}}\r\nb", context) == "a\r\nx\r\nx\r\nb")
        #expect(render("  {{#list}}x{{/list}}\n", context) == "  xx\n")
        #expect(render("{{!\nspans\nlines\n}}\nnext", context) == "next")
    }

    @Test func partialsShareTheContextAndKeepTheirIndentation() {
        let partials = ["row": "<td>{{.}}</td>\n<td>again</td>\n"]
        let out = render("<tr>\n  {{>row}}\n</tr>\n", ["x": "1"], partials: partials)
        #expect(out == "<tr>\n  <td></td>\n  <td>again</td>\n</tr>\n")
        #expect(
            render("{{#list}}{{>row}}{{/list}}", ["list": ["a"]], partials: partials) == "<td>a</td>\n<td>again</td>\n")
        let data = render("|\n  {{>multi}}\n|", ["lines": "one\ntwo"], partials: ["multi": "[{{lines}}]\n"])
        #expect(data == "|\n  [one\ntwo]\n|", "data with line breaks is not indented")
    }

    @Test func delimitersCanChange() {
        #expect(render("{{=<% %>=}}<% x %> {{x}} <%={{ }}=%>{{x}}", ["x": "v"]) == "v {{x}} v")
    }

    @Test func problemsNameTheLineAndColumn() throws {
        let unclosed = try #require(error("line one\n  {{#open}}never closed\n"))
        #expect((unclosed.line, unclosed.column) == (2, 3))
        #expect(unclosed.message.contains("{{#open}} is never closed"))
        #expect(unclosed.suggestion == "end it with {{/open}}")

        let mismatched = try #require(error("{{#a}}\n{{#b}}\n{{/a}}"))
        #expect((mismatched.line, mismatched.column) == (3, 1))
        #expect(mismatched.message.contains("does not match {{#b}}, opened at line 2"))

        let tag = try #require(error("ok\nnot {{ok"))
        #expect((tag.line, tag.column, tag.message) == (2, 5, "the tag {{ is never closed"))

        let function = try #require(error("{{#emtpy(items)}}{{/emtpy(items)}}"))
        #expect(function.message.contains("unknown function \"emtpy\""))
        #expect(function.suggestion == "did you mean empty()?")

        let open = try #require(error("<h1>{{page.title}</h1>\n{{#cities}}{{/cities}}"))
        #expect((open.line, open.column) == (1, 5))
        #expect(open.message == "the tag {{page.title}</h1> is not closed on its line")
        #expect(open.suggestion == "end it with }}")

        let partial = try #require(error("{{>partials/haed}}", partials: ["partials/head": ""]))
        #expect(partial.message == "there is no partial \"partials/haed\"")
        #expect(partial.suggestion == "did you mean {{>partials/head}}?")

        let inheritance = try #require(error("{{<parent}}{{/parent}}"))
        #expect(inheritance.message.contains("not supported"))
        #expect(error("{{a b}}")?.message == "\"a b\" is not a name")
    }

    @Test func aPartialThatIncludesItselfStopsWithAnError() throws {
        let (library, errors) = TemplateLibrary.compile([
            ("main", "top\n{{>loop}}"), ("loop", "again {{>loop}}"),
            ("tree", "{{name}}{{#children}}({{>tree}}){{/children}}"),
        ])
        #expect(errors == [])
        #expect(throws: TemplateError.self) { try library.render("main", context: [:]) }
        do {
            _ = try library.render("main", context: [:])
        } catch {
            #expect(error.template == "loop")
            #expect((error.line, error.column) == (1, 7))
            #expect(error.message.contains("more than \(TemplateLibrary.maxPartialDepth) deep"))
        }
        // Recursion that ends with the data is fine (a leaf says it has no children: a missing
        // name would be looked up in the levels around it, as Mustache does).
        let tree: TemplateValue = [
            "name": "a", "children": [["name": "b", "children": [["name": "c", "children": []]]]],
        ]
        #expect(try library.render("tree", context: tree) == "a(b(c))")
        #expect(throws: TemplateError.self) { try library.render("nope", context: [:]) }
    }

    @Test func sectionsNestedBeyondReasonStopWithAnErrorNotACrash() throws {
        // In one template: refused when compiled.
        let depth = 20_000
        let text =
            "line one\n" + String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        let error = try #require(TemplateLibrary.compile([("main", text)]).1.first)
        #expect((error.line, error.column) == (2, 1 + 6 * TemplateLibrary.maxNesting))
        #expect(error.message == "sections nest more than 200 deep here")

        // Across partials: stopped while rendering.
        let half = String(repeating: "{{#a}}", count: 150) + "{{>inner}}" + String(repeating: "{{/a}}", count: 150)
        let (library, errors) = TemplateLibrary.compile([("main", half), ("inner", half)])
        #expect(errors == [])
        do {
            _ = try library.render("main", context: ["a": true])
            Issue.record("nesting 300 deep rendered")
        } catch {
            #expect(error.template == "inner")
            #expect(error.message == "sections and partials nest more than 200 deep here")
        }

        // Up to the limit, nesting renders.
        let fine = String(repeating: "{{#a}}", count: 150) + "x" + String(repeating: "{{/a}}", count: 150)
        #expect(try TemplateLibrary.compile([("main", fine)]).0.render("main", context: ["a": true]) == "x")
    }

    /// swift-mustache, the library the theme was first written for, renders the same text from the
    /// same values: themes written for it keep working.
    @Test func agreesWithSwiftMustache() throws {
        let context: TemplateValue = [
            "title": "Scores & <ratings>", "yes": true, "no": false, "empty": [], "blank": "",
            "items": [
                ["name": "Oslo", "score": "97 %", "band": ["n": "4"]],
                ["name": "Bergen \"B\"", "note": "it's", "band": ["n": "2"]],
            ],
            "t": ["label": "Label"], "list": ["a", "b", "c"],
        ]
        let partials = ["partials/row": "<tr><th>{{name}}</th><td>{{score}}{{^score}}–{{/score}}</td></tr>\n"]
        let templates = [
            "<h1>{{title}}</h1>\n{{{title}}}\n",
            "<table>\n{{#items}}\n{{>partials/row}}\n{{/items}}\n</table>\n",
            "{{#items}}\n  <p>{{t.label}}: {{name}} {{band.n}}{{#note}} ({{note}}){{/note}}</p>\n{{/items}}\n",
            "{{#yes}}\nshown\n{{/yes}}\n{{#no}}\nhidden\n{{/no}}\n{{^empty}}\nnone\n{{/empty}}\n{{#blank}}[{{.}}]{{/blank}}\n",
            "{{#list}}{{.}}{{^last()}}, {{/last()}}{{/list}} {{^empty(list)}}some{{/empty(list)}}\n",
            "  {{! standalone comment }}\n{{=<% %>=}}\n<% title %>\n<%={{ }}=%>\n{{title}}\r\n",
        ]
        for text in templates {
            var library = MustacheLibrary()
            library.register(try MustacheTemplate(string: text), named: "main")
            for (name, partial) in partials { library.register(try MustacheTemplate(string: partial), named: name) }
            let expected = library.render(Self.any(context), withTemplate: "main")
            #expect(render(text, context, partials: partials) == expected, "\(text)")
        }
    }

    static func any(_ value: TemplateValue) -> Any {
        switch value {
        case .string(let text): text
        case .bool(let flag): flag
        case .list(let items): items.map(any)
        case .object(let fields): fields.mapValues(any)
        }
    }
}
