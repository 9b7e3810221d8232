import Foundation
import Testing

@Suite("Authoring: command-line edges")
struct AuthoringCommandLineTests {
    @Test func noArgumentsPrintsTheHelpAndExitsTwo() throws {
        let (status, errors) = try CityscoreBinary.run([])
        #expect(status == 2)
        #expect(errors.contains("USAGE: cityscore"))
        #expect(errors.contains("build"))
    }

    @Test func aMissingSiteFolderIsNamed() throws {
        let (status, errors) = try CityscoreBinary.run(["build", "--site", "/nope-cityscore-test"])
        #expect(status == 1)
        #expect(
            errors.hasPrefix("/nope-cityscore-test:1:1: error: the site folder \"/nope-cityscore-test\" does not exist")
        )
    }

    @Test func aFolderWithoutContentIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cityscore-empty-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (status, errors) = try CityscoreBinary.run(["check", "--site", folder])
        #expect(status == 1)
        #expect(errors.contains("the folder \"\(folder)\" is not a cityscore site: it has no Content/ folder"))
    }
}
