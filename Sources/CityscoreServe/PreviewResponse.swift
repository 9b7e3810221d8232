/// What the preview server answers to one request, apart from the HTTP library that sends it.
public struct PreviewResponse: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// Header fields by name.
    public var headers: [String: String]
    /// The body (empty for `HEAD`; `Content-Length` then still gives the body's length).
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}
