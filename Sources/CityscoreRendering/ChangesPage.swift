import CityscoreModel
import CityscoreRouting
import CityscoreScoring
import CityscoreTemplating
import CityscoreText

extension Contexts {
    /// The "What changed" page: every entry, newest first.
    func changesPage(_ route: Route) -> Fields {
        let title = strings["changes_title"]
        var context = base(
            path: route.path, title: title, description: strings["changes_description"], breadcrumbs: [(title, nil)],
            section: "changes")
        ChangesPageContext(
            entries: site.changes.reversed().map { entry in
                ChangeEntryPart(
                    date: entry.date, title: entry.title, id: URLs.changeAnchor(entry),
                    html: HTML(markdown[entry.document.path]?.html ?? ""),
                    cities: entry.cities.compactMap { slug in
                        cityIndex[slug].map { Link(name: scorecards[$0].city.name, url: urls.link(URLs.city(slug))) }
                    },
                    hasCities: !entry.cities.isEmpty)
            },
            feedURL: urls.link(URLs.changesFeed)
        ).write(into: &context)
        return context
    }

    /// The city page's line on its latest data change ("updated 2026-11-30: 3 values corrected"),
    /// linked to the entry; nil when no entry names the city.
    func latestChange(of card: Scorecard) -> LatestChange? {
        guard let entry = site.latestChange(of: card.city.slug) else { return nil }
        return LatestChange(
            date: entry.date, title: entry.title,
            text: strings.format("city_updated", ["date": entry.date, "title": entry.title]),
            url: urls.link(URLs.changes) + "#" + URLs.changeAnchor(entry))
    }
}

/// The Atom 1.0 feed of the changes (RFC 4287): one entry per changes file, newest first.
struct ChangesFeed: Sendable {
    var site: Site
    var urls: URLs
    var strings: Strings
    /// Rendered Markdown by site path.
    var html: [String: String]

    /// The feed; nil when the site records no changes (a feed needs a date it was updated).
    func xml() -> String? {
        guard let latest = site.changes.last else { return nil }
        let page = urls.absolute(URLs.changes)
        let author = site.config.params["author"].flatMap { $0.isEmpty ? nil : $0 } ?? site.config.title
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escape(site.config.language))\">\n"
        out += "  <title>\(escape(site.config.title + ": " + strings["changes_title"]))</title>\n"
        out += "  <subtitle>\(escape(strings["changes_description"]))</subtitle>\n"
        out += "  <id>\(escape(page))</id>\n"
        out +=
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(escape(urls.absolute(URLs.changesFeed)))\"/>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(page))\"/>\n"
        out += "  <updated>\(Self.timestamp(latest.date))</updated>\n"
        out += "  <author><name>\(escape(author))</name></author>\n"
        if let rights = site.config.params["rights"], !rights.isEmpty {
            out += "  <rights>\(escape(rights))</rights>\n"
        }
        out += "  <generator>cityscore</generator>\n"
        for entry in site.changes.reversed() {
            let link = page + "#" + URLs.changeAnchor(entry)
            var content = html[entry.document.path] ?? ""
            let names = entry.cities.compactMap { slug in site.cities.first { $0.slug == slug }?.name }
            if !names.isEmpty {
                content =
                    "<p>" + HTMLEscaping.escape(strings["changes_cities"] + ": " + names.joined(separator: ", "))
                    + "</p>\n" + content
            }
            out += "  <entry>\n"
            out += "    <id>\(escape(link))</id>\n"
            out += "    <title>\(escape(entry.title))</title>\n"
            out += "    <updated>\(Self.timestamp(entry.date))</updated>\n"
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(link))\"/>\n"
            out += "    <content type=\"html\">\(escape(content))</content>\n"
            out += "  </entry>\n"
        }
        return out + "</feed>\n"
    }

    /// An RFC 3339 time for a date: its start, in UTC.
    static func timestamp(_ date: String) -> String { date + "T00:00:00Z" }

    /// Text and attribute values escaped for XML.
    func escape(_ text: String) -> String { XMLEscaping.escape(text) }
}
