import Foundation
import Testing

/// `cityscore new` refuses what it cannot use in sentences that name the path, and lays out a site
/// with a place for assets.
@Suite("cityscore new")
struct NewCommandTests {
    static func temporary() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cityscore-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }

    @Test func aNewSiteHasAnAssetsFolderAndBuilds() throws {
        let folder = try Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try CIFormatTests.run(["new", "site"], in: folder).status == 0)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder + "/site/Content/assets", isDirectory: &isFolder))
        #expect(isFolder.boolValue)
        let built = try CIFormatTests.run(["build", "--site", "site"], in: folder)
        #expect(built.status == 0, "\(built.err)")
    }

    @Test func aFileIsRefusedByName() throws {
        let folder = try Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        FileManager.default.createFile(atPath: folder + "/notes.txt", contents: Data("mine".utf8))
        let result = try CIFormatTests.run(["new", "notes.txt"], in: folder)
        #expect(result.status == 1)
        #expect(result.err.contains("notes.txt is a file, not a folder"))
        #expect(FileManager.default.contents(atPath: folder + "/notes.txt") == Data("mine".utf8))
    }

    @Test func aFolderThatCannotBeMadeIsASentenceNotAnErrorDomain() throws {
        let folder = try Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        FileManager.default.createFile(atPath: folder + "/notes.txt", contents: Data("mine".utf8))
        let result = try CIFormatTests.run(["new", "notes.txt/site"], in: folder)
        #expect(result.status == 1)
        #expect(result.err.contains("cannot create the folder notes.txt/site"))
        #expect(result.err.contains("Not a directory"))
        #expect(!result.err.contains("NSCocoaErrorDomain"))
    }

    @Test func aFolderWithFilesIsRefusedByName() throws {
        let folder = try Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try CIFormatTests.run(["new", "site"], in: folder).status == 0)
        let again = try CIFormatTests.run(["new", "site"], in: folder)
        #expect(again.status == 1)
        #expect(again.err.contains("the folder site is not empty"))
    }
}
