/// Reason phrases of the statuses functions send.
enum Status {
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 303: "See Other"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}

extension Status {
    /// Appends the CGI status line, `Status: 303 See Other` and CRLF: a three-digit status is
    /// written digit by digit, with no `String` made of it.
    static func appendLine(_ status: Int, to out: inout [UInt8]) {
        out += "Status: ".utf8
        if (100...999).contains(status) {
            out.append(UInt8(ascii: "0") + UInt8(status / 100))
            out.append(UInt8(ascii: "0") + UInt8(status / 10 % 10))
            out.append(UInt8(ascii: "0") + UInt8(status % 10))
        } else {
            out += String(status).utf8
        }
        out.append(UInt8(ascii: " "))
        out += reason(status).utf8
        out += "\r\n".utf8
    }
}
