/// The stable name of a kind of problem (`unknown-kpi`): printed with every message, used by CI
/// annotations, asserted by tests, and named in `site.yml`'s `diagnostics:` to raise a warning to an
/// error or to silence it. A code never changes once published; a new kind of problem gets a new one.
public enum DiagnosticCode: String, CaseIterable, Hashable, Sendable, Comparable {
    // MARK: Site folder and files
    case siteFolder = "site-folder"
    case notASite = "not-a-site"
    case missingSiteYML = "missing-site-yml"
    case ignoredFile = "ignored-file"
    case unreadableFile = "unreadable-file"
    case notAFile = "not-a-file"
    case fileTooLarge = "file-too-large"
    case fileVanished = "file-vanished"
    case linkLoop = "link-loop"
    case brokenSymlink = "broken-symlink"
    case systemFileLink = "system-file-link"
    case outsideSite = "outside-site"
    case linkedTwice = "linked-twice"
    case notUTF8 = "not-utf8"

    // MARK: CSV files
    case notCSVText = "not-csv-text"
    case emptyFile = "empty-file"
    case csvQuoting = "csv-quoting"
    case controlCharacter = "control-character"
    case semicolonSeparated = "semicolon-separated"
    case cellCount = "cell-count"
    case unknownColumn = "unknown-column"
    case duplicateColumn = "duplicate-column"
    case missingColumn = "missing-column"
    case tooManyExtraColumns = "too-many-extra-columns"

    // MARK: Framework, results and targets
    case emptyCell = "empty-cell"
    case duplicateKPI = "duplicate-kpi"
    case noKPIs = "no-kpis"
    case invalidDirection = "invalid-direction"
    case invalidDatapointDirections = "invalid-datapoint-directions"
    case invalidRange = "invalid-range"
    case invalidTarget = "invalid-target"
    case targetNotNeeded = "target-not-needed"
    case notANumber = "not-a-number"
    case valueType = "value-type"
    case implausibleValue = "implausible-value"
    case invalidYear = "invalid-year"
    case futureYear = "future-year"
    case roundBeforeValue = "round-before-value"
    case invalidValue = "invalid-value"
    case unknownCity = "unknown-city"
    case unknownKPI = "unknown-kpi"
    case unknownDatapoint = "unknown-datapoint"
    case missingDatapoint = "missing-datapoint"
    case duplicateRow = "duplicate-row"

    // MARK: YAML (site.yml and front matter)
    case yamlSyntax = "yaml-syntax"
    case yamlAlias = "yaml-alias"
    case duplicateKey = "duplicate-key"
    case valueKind = "value-kind"
    case unknownKey = "unknown-key"
    case requiredField = "required-field"
    case frontMatterUnclosed = "front-matter-unclosed"
    case invalidBaseURL = "invalid-base-url"
    case invalidLanguage = "invalid-language"
    case invalidThemeName = "invalid-theme-name"
    case unknownDiagnosticCode = "unknown-diagnostic-code"
    case errorNotLowered = "error-not-lowered"

    // MARK: Languages
    case languageNotFirst = "language-not-first"
    case untranslated = "untranslated"
    case orphanTranslation = "orphan-translation"
    case unknownStringKey = "unknown-string-key"
    case unusedStringKey = "unused-string-key"
    case datapointNames = "datapoint-names"

    // MARK: Cities and pages
    case invalidSlug = "invalid-slug"
    case reservedSlug = "reserved-slug"
    case duplicateSlug = "duplicate-slug"
    case pathTooLong = "path-too-long"
    case unknownPeer = "unknown-peer"
    case unknownDimension = "unknown-dimension"
    case orphanFolder = "orphan-folder"
    case invalidDate = "invalid-date"
    case invalidWebAddress = "invalid-web-address"
    case listedTwice = "listed-twice"
    case unusedField = "unused-field"

    // MARK: Markdown
    case brokenLink = "broken-link"
    case linkOutsideSite = "link-outside-site"
    case brokenAnchor = "broken-anchor"
    case shortcodeSyntax = "shortcode-syntax"
    case liveValue = "live-value"
    case rawHTMLOmitted = "raw-html-omitted"
    case pipeTable = "pipe-table"
    case strikethrough = "strikethrough"
    case footnote = "footnote"

    // MARK: Theme and templates
    case missingTheme = "missing-theme"
    case missingTemplate = "missing-template"
    case templateSyntax = "template-syntax"
    case templateRender = "template-render"
    case unknownTemplateVariable = "unknown-template-variable"

    // MARK: Output and command line
    case outputFolder = "output-folder"
    case newFolder = "new-folder"
    case reportUnwritable = "report-unwritable"
    case noBrowser = "no-browser"
    case printFailed = "print-failed"
    case diffInput = "diff-input"

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The code named `text` (`"unknown-kpi"`), or nil.
    public init?(named text: String) { self.init(rawValue: text) }

    /// The severity a problem of this kind has unless `site.yml`'s `diagnostics:` raises a warning.
    public var severity: Diagnostic.Severity {
        switch self {
        case .ignoredFile, .linkedTwice, .listedTwice, .unusedField, .unknownKey, .unknownDiagnosticCode,
            .errorNotLowered, .rawHTMLOmitted, .pipeTable, .strikethrough, .footnote, .languageNotFirst,
            .untranslated, .orphanTranslation, .unusedStringKey, .datapointNames:
            return .warning
        default:
            return .error
        }
    }

    /// What the code means, in one line, and the fix that most often helps: the README's table.
    public var explanation: (meaning: String, fix: String) {
        switch self {
        case .siteFolder:
            ("`--site` names a folder that does not exist, or a file", "give `--site` the folder that holds `Content/`")
        case .notASite:
            ("the folder has no `Content/` folder", "run `cityscore new DIR`, or pass `--site DIR`")
        case .missingSiteYML: ("`Content/site.yml` is missing", "add it with at least a `title:`")
        case .ignoredFile:
            (
                "a file or folder under `Content/` that the build does not read",
                "save sheets as CSV UTF-8 or run `cityscore import`; rename, move or delete other files"
            )
        case .unreadableFile: ("a file cannot be read", "check that you may read it")
        case .notAFile:
            ("a folder, device, pipe or socket where a file was expected", "put an ordinary file there")
        case .fileTooLarge: ("a Markdown file is larger than `max_markdown_mb`", "split it, or raise the limit")
        case .fileVanished: ("a file was removed while the site was built", "build again")
        case .linkLoop: ("links that lead back to themselves", "remove the link")
        case .brokenSymlink: ("a link that leads to nothing", "fix the link or remove it")
        case .systemFileLink: ("a link to a system file, which is never read", "copy what you need into the site")
        case .outsideSite:
            ("a link to a file outside the site", "copy the file in, or set `follow_symlinks: true`")
        case .linkedTwice: ("two folder links lead to the same files, read once", "remove one of them")
        case .notUTF8: ("text that is not UTF-8", "save the file with the UTF-8 encoding (CSV UTF-8)")
        case .notCSVText:
            ("a .csv file that is not CSV text (UTF-16, a spreadsheet, an image)", "save it as CSV UTF-8")
        case .emptyFile: ("a CSV file without even a header row", "add the header row, e.g. `city,kpi,year,value`")
        case .csvQuoting:
            (
                "a quote out of place, or a quoted cell never closed",
                "quote the whole cell and write a quote in it as `\"\"`"
            )
        case .controlCharacter: ("an invisible control character in a cell", "delete it")
        case .semicolonSeparated:
            ("columns separated by semicolons", "save as CSV UTF-8 (comma delimited)")
        case .cellCount:
            ("a row has more or fewer cells than the header", "look for a missing comma or an unquoted comma")
        case .unknownColumn:
            ("a header names a column cityscore does not know", "fix the name, or start it with `x-` to keep it")
        case .duplicateColumn: ("a column appears twice in the header", "delete or rename one")
        case .missingColumn: ("a required column is missing from the header", "add the column")
        case .tooManyExtraColumns: ("more `x-` columns than are published", "remove the ones you do not need")
        case .emptyCell: ("a cell that must have a value is empty", "fill it in")
        case .duplicateKPI: ("the framework defines a KPI code twice", "keep one row per KPI")
        case .noKPIs: ("the framework file has no KPIs", "add KPI rows, or remove the file to use the built-in one")
        case .invalidDirection: ("a direction other than higher, lower or yes-no", "write one of the three")
        case .invalidDatapointDirections:
            ("a `datapoint_directions` cell that cannot be read", "write `landfill: lower; recycled: higher`")
        case .invalidRange: ("a `range` that is not a range of values", "write `0..100`, `0..` or `..`")
        case .invalidTarget:
            ("a target that makes achievement meaningless (zero or below)", "give a target above zero")
        case .targetNotNeeded: ("a target for a yes-no KPI", "remove the row")
        case .notANumber: ("a value or target that is not a number", "write a number with a point as decimal separator")
        case .valueType: ("a number for a yes-no KPI, or yes/no for a number", "write what the KPI takes")
        case .implausibleValue: ("a value outside what the KPI can have", "check the value, or widen the KPI's `range`")
        case .invalidYear: ("a year that is not a four-digit year", "write the year, e.g. 2020")
        case .futureYear: ("a year (or round) that has not begun", "write the year the value refers to")
        case .roundBeforeValue:
            ("a value given to an evaluation round before its own year", "write the round it was reported in")
        case .invalidValue:
            ("a cell or setting outside its fixed list of values", "write one of the values the message names")
        case .unknownCity:
            (
                "a row (or `cityscore report --city`) names a city that has no `Content/cities/<slug>.md`",
                "fix the slug or add the city"
            )
        case .unknownKPI: ("a row names a KPI that the framework does not have", "fix the code (see the suggestion)")
        case .unknownDatapoint: ("a data point the KPI does not have", "use one of the KPI's data points")
        case .missingDatapoint: ("a row of a KPI reported by data point names none", "fill in the `datapoint` cell")
        case .duplicateRow: ("the same city, KPI and year (or target) twice", "keep one of the rows")
        case .yamlSyntax: ("YAML that cannot be read", "follow the fix in the message (often: quote the value)")
        case .yamlAlias: ("a YAML anchor or alias, which cityscore does not read", "write the value out in full")
        case .duplicateKey: ("a key given twice", "keep one")
        case .valueKind:
            ("a setting of the wrong kind (a list for a text, a word for a number)", "write the kind the message names")
        case .unknownKey: ("a key in `site.yml` or front matter that nothing reads", "fix the spelling, or remove it")
        case .requiredField: ("a required key is missing (a site's title, a city's name)", "add it")
        case .frontMatterUnclosed: ("front matter without its closing `---`", "add a line `---` after it")
        case .invalidBaseURL: ("a base URL that is not `https://`, `http://` or `/`", "fix `baseURL` or `--base-url`")
        case .invalidLanguage: ("a language that is not a BCP 47 code", "write a code such as `nb`, `en` or `en-GB`")
        case .invalidThemeName: ("a theme name that is not a folder name", "use letters, digits and dashes")
        case .unknownDiagnosticCode: ("`diagnostics:` in `site.yml` names no known code", "use a code of this table")
        case .errorNotLowered:
            ("`diagnostics:` tries to lower an error, which stays an error", "fix the problem instead")
        case .languageNotFirst:
            ("`language:` differs from the first of `languages:`, the default", "remove `language:`")
        case .untranslated:
            (
                "words of a `languages:` language shown in the default language for want of a translation",
                "translate them (`strings/<language>.yml`, `kpis.<language>.csv`)"
            )
        case .orphanTranslation:
            ("a translated narrative (`<name>.<language>.md`) of a file that does not exist", "rename it")
        case .unknownStringKey:
            ("a key of `strings/<language>.yml` that `strings/en.yml` does not have", "fix the key's spelling")
        case .unusedStringKey:
            ("keys of `strings/<language>.yml` that no template and not cityscore shows", "remove them")
        case .datapointNames:
            (
                "a translation names more or fewer data points than the KPI has",
                "give one name per data point, separated by semicolons"
            )
        case .invalidSlug: ("a slug or file name that is not lowercase letters, digits and dashes", "rename it")
        case .reservedSlug: ("a page slug the site uses itself", "choose another slug")
        case .duplicateSlug: ("two pages with the same slug", "give one another slug")
        case .pathTooLong: ("a slug that makes an output path too long", "choose a shorter slug")
        case .unknownPeer: ("a peer that is not a city of the site", "fix the slug (see the suggestion)")
        case .unknownDimension: ("a city narrative named after no dimension", "rename it after a dimension")
        case .orphanFolder: ("a city folder without its city file", "add `Content/cities/<slug>.md`")
        case .invalidDate:
            ("an action's date not written YYYY-MM-DD (or YYYY-MM, or a year), or due before it starts", "fix the date")
        case .invalidWebAddress: ("an action's link that is not a full web address", "write it from `https://`")
        case .listedTwice: ("a KPI or data point listed twice in an action's `kpis`", "remove one of them")
        case .unusedField: ("an action's `currency` without a `budget`, so not shown", "add the budget, or remove it")
        case .brokenLink: ("a link to a page or file that does not exist", "fix the link (see the suggestion)")
        case .linkOutsideSite: ("a link that leaves the site folder", "link inside the site, or use a full URL")
        case .diffInput:
            (
                "`cityscore diff` was given something that is not a site, a built site or a results CSV",
                "give a site folder, a built output folder or a results .csv file"
            )
        case .brokenAnchor: ("a link to a heading the target page does not have", "fix the `#anchor`")
        case .shortcodeSyntax:
            (
                "a live value (`{{value …}}`, `{{chart …}}`) that is not written as one",
                "write each argument in double quotes; put a chart on a line of its own"
            )
        case .liveValue:
            (
                "a live value names a KPI, data point, city, dimension or chart the site does not have",
                "use the code as the framework writes it (see the did-you-mean)"
            )
        case .rawHTMLOmitted:
            ("raw HTML left out of the page for safety", "write Markdown, or set `unsafe_html: true`")
        case .pipeTable: ("a pipe table, which CommonMark shows as text", "use a list; data belong in results")
        case .strikethrough: ("`~~strikethrough~~`, which CommonMark shows as text", "remove the tildes")
        case .footnote: ("a footnote, which CommonMark shows as text", "write the note in the text or as a link")
        case .missingTheme: ("`theme:` names a folder `Themes/` does not have", "add the folder, or remove the line")
        case .missingTemplate: ("the theme lacks a template every site needs", "add the template")
        case .templateSyntax: ("a template that cannot be read (a tag, section or partial)", "fix the tag")
        case .templateRender: ("a template that fails while a page is written", "fix the template at the place given")
        case .unknownTemplateVariable:
            (
                "a template names a variable no page gives it, which would show as nothing",
                "fix the name (see the suggestion and Themes/README.md)"
            )
        case .outputFolder: ("the output folder cannot be used or written", "check the folder, or use `--force`")
        case .newFolder: ("`cityscore new` cannot create the site there", "choose a new or empty folder")
        case .reportUnwritable: ("the GitLab report cannot be written", "choose another path with `--report`")
        case .noBrowser:
            (
                "`cityscore report` or `report_pdf: true` finds no Chromium or Google Chrome to print with",
                "install Chromium (the message gives the command), or give its path with `--browser`"
            )
        case .printFailed:
            ("the browser did not print a report to PDF", "run again; if it fails again, try another `--browser`")
        }
    }
}
